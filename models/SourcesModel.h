// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QAbstractTableModel>

#include <QHash>

#include "Snapshot.h"
#include "TripForecast.h"

#include "ModelRoles.h"

namespace dashboard {

/// One row per source: health, circuit breaker (state, consecutive failures, last failure
/// as a relative time, time to the next half-open probe), success rates, latency and rate
/// limit, and the breaker-trip forecast. Cells the service did not report show "no data". Relative times are computed
/// from the injected clock; call tick() (the window does, every second) to refresh them.
class SourcesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesModel)
public:
    enum Column {
        SourceColumn,
        HealthColumn,
        StateColumn,
        FailuresColumn,
        LastFailureColumn,
        NextProbeColumn,
        Success1hColumn,
        Success24hColumn,
        LatencyP95Column,
        RateLimitColumn,
        TripColumn, ///< the breaker-trip forecast (TripForecastModel)
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        HealthRole = ModelRole::Health,             ///< healthKey() string
        BreakerStateRole = ModelRole::BreakerState, ///< breakerStateKey() string
        ExportRole = ModelRole::Export,             ///< raw value for CSV
        SortRole = ModelRole::Sort
    };
    Q_ENUM(Role)

    explicit SourcesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// @p notShown: sources the snapshot named past the display cap (dropped).
    void update(const QList<SourceInfo> &sources, qint64 snapshotReceivedMs, int notShown = 0);
    /// Sources the last snapshot named that are not rows here (past the display cap).
    int sourcesNotShown() const { return m_notShown; }
    /// Refreshes the relative-time columns.
    void tick();
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    const QList<SourceInfo> &sources() const { return m_sources; }
    /// Sources operators paused: the Health column says "· paused" after the health.
    void setPausedSources(const QStringList &sources);
    bool isPaused(const QString &source) const { return m_paused.contains(source); }
    /// The breaker-trip forecasts, by source: the Trip forecast column.
    void setTripForecasts(const QHash<QString, TripForecast> &forecasts);

    /// "Healthy", ...; "Unknown" for std::nullopt (the service did not say).
    static QString healthLabel(std::optional<Health> h);
    static QString stateLabel(std::optional<BreakerState> s);
    /// "12 s ago", "3 min ago", "2 h ago".
    static QString relativeTime(qint64 secondsAgo);
    static QString duration(qint64 seconds);

Q_SIGNALS:
    void sourcesNotShownChanged(int count);

private:
    QVariant display(const SourceInfo &s, int column) const;
    QVariant exportValue(const SourceInfo &s, int column) const;

    QList<SourceInfo> m_sources;
    qint64 m_receivedMs = 0;
    int m_notShown = 0;
    QStringList m_paused;
    QHash<QString, TripForecast> m_trips;
    std::function<qint64()> m_now;
};

} // namespace dashboard
