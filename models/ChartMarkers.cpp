// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartMarkers.h"

#include <algorithm>

namespace dashboard {

void ChartMarkers::begin(Kind kind, qint64 atMs, const QString &label)
{
    if (isOpen(kind))
        return;
    m_markers.append(Marker{kind, atMs, 0, label});
    trim();
    Q_EMIT changed();
}

void ChartMarkers::end(Kind kind, qint64 atMs)
{
    for (auto it = m_markers.rbegin(); it != m_markers.rend(); ++it)
        if (it->kind == kind && it->toMs == 0) {
            it->toMs = std::max(atMs, it->fromMs + 1);
            Q_EMIT changed();
            return;
        }
}

bool ChartMarkers::isOpen(Kind kind) const
{
    for (const Marker &m : m_markers)
        if (m.kind == kind && m.toMs == 0)
            return true;
    return false;
}

void ChartMarkers::add(Kind kind, qint64 atMs, const QString &label)
{
    m_markers.append(Marker{kind, atMs, atMs, label});
    trim();
    Q_EMIT changed();
}

void ChartMarkers::replace(Kind kind, const QList<Marker> &markers)
{
    QList<Marker> kept;
    for (const Marker &m : std::as_const(m_markers))
        if (m.kind != kind)
            kept << m;
    for (Marker m : markers) {
        m.kind = kind;
        kept << m;
    }
    if (kept.size() == m_markers.size() && std::equal(kept.begin(), kept.end(), m_markers.begin(),
                                                      [](const Marker &a, const Marker &b) {
                                                          return a.kind == b.kind &&
                                                                 a.fromMs == b.fromMs &&
                                                                 a.toMs == b.toMs &&
                                                                 a.label == b.label;
                                                      }))
        return;
    m_markers = kept;
    trim();
    Q_EMIT changed();
}

void ChartMarkers::trim()
{
    while (m_markers.size() > MaxMarkers)
        m_markers.removeFirst();
}

} // namespace dashboard
