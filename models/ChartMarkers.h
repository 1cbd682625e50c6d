// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace dashboard {

/// What happened along the time axis that a time chart should show beside its lines: the
/// spans the backend was out of reach or the pipeline was paused (bands), and operator
/// actions (instants). Bounded: the oldest markers leave past MaxMarkers.
class ChartMarkers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartMarkers)
public:
    enum class Kind { Outage, Paused, Action, Anomaly };
    Q_ENUM(Kind)

    struct Marker
    {
        Kind kind = Kind::Action;
        qint64 fromMs = 0;
        qint64 toMs = 0; ///< 0: still going on (a band); equal to fromMs for an instant
        QString label;
    };
    static constexpr int MaxMarkers = 256;

    explicit ChartMarkers(QObject *parent = nullptr) : QObject(parent) {}

    /// A span of @p kind starts at @p atMs (nothing if one is open already).
    void begin(Kind kind, qint64 atMs, const QString &label);
    /// The open span of @p kind ends at @p atMs (nothing if none is open).
    void end(Kind kind, qint64 atMs);
    bool isOpen(Kind kind) const;
    /// An instant at @p atMs.
    void add(Kind kind, qint64 atMs, const QString &label);
    /// Every marker of @p kind is @p markers from now on (the anomalies, evaluated again).
    void replace(Kind kind, const QList<Marker> &markers);

    const QList<Marker> &markers() const { return m_markers; }

Q_SIGNALS:
    void changed();

private:
    void trim();
    QList<Marker> m_markers;
};

} // namespace dashboard
