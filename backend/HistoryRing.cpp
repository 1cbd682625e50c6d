// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryRing.h"

namespace enrichment {

HistoryRing::HistoryRing(int capacity) : m_samples(std::size_t(std::max(1, capacity))) {}

void HistoryRing::append(HistorySample sample)
{
    m_samples[m_next] = std::move(sample);
    m_next = (m_next + 1) % m_samples.size();
    m_count = std::min(m_count + 1, m_samples.size());
}

QJsonArray HistoryRing::toJson(qint64 sinceMs, const QStringList &sourceNames) const
{
    QJsonArray out;
    const std::size_t cap = m_samples.size();
    const std::size_t first = (m_next + cap - m_count) % cap;
    for (std::size_t k = 0; k < m_count; ++k) {
        const HistorySample &s = m_samples[(first + k) % cap];
        if (s.timestampMs <= sinceMs)
            continue;
        out.append(writeHistorySample(s, sourceNames));
    }
    return out;
}

} // namespace enrichment
