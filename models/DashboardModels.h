// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QObject>

#include "Snapshot.h"

namespace dashboard {

class AnomalyModel;
class FlowModel;
class TripForecastModel;
class CategoryTableModel;
class ChartMarkers;
class ForecastModel;
class HeatmapModel;
class BackendFeed;
class SourcesModel;
class SummaryModel;
class TimeSeriesModel;
class WorkersModel;

/// Adapts snapshots and history into the item models behind every panel and chart. Each
/// chart id of the export (queue, processing_rate, circuit_breakers, success_rate,
/// latency, rate_limits, errors, source_health, cache, coverage, and the
/// models of the analyses: forecast, heatmap, anomalies, breaker_forecast, flow) has one model here.
class DashboardModels final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardModels)
public:
    /// @p historyCapacity: samples kept per time series (default a day of 1 s samples).
    explicit DashboardModels(QObject *parent = nullptr, int historyCapacity = 86'400);

    /// Applies every snapshot and history @p feed delivers from now on.
    void follow(BackendFeed *feed);
    void applySnapshot(const Snapshot &snapshot);
    void applyHistory(const QList<HistoryPoint> &points);
    void setClock(std::function<qint64()> nowMs);

    bool hasSnapshot() const { return m_hasSnapshot; }
    const Snapshot &snapshot() const { return m_snapshot; }

    CategoryTableModel *queue() const { return m_queue; }
    TimeSeriesModel *processingRate() const { return m_rate; }
    TimeSeriesModel *queueTrend() const { return m_trend; }
    /// The backlog forecast from the pending trend (chart `forecast`).
    ForecastModel *forecast() const { return m_forecast; }
    /// Each source's figures against their expected bands (chart `anomalies`).
    AnomalyModel *anomalies() const { return m_anomalies; }
    /// Each breaker's chance of opening within the hour (chart `breaker_forecast`).
    TripForecastModel *tripForecasts() const { return m_trips; }
    /// Tracks flowing through the waterfall (chart `flow`).
    FlowModel *flow() const { return m_flow; }
    /// Success by weekday and hour from Prometheus (chart `heatmap`); filled by its chart.
    HeatmapModel *heatmap() const { return m_heatmap; }
    CategoryTableModel *breakers() const { return m_breakers; }
    CategoryTableModel *successRate() const { return m_success; }
    CategoryTableModel *latency() const { return m_latency; }
    CategoryTableModel *rateLimits() const { return m_rateLimits; }
    CategoryTableModel *errors() const { return m_errors; }
    CategoryTableModel *health() const { return m_health; }
    CategoryTableModel *cache() const { return m_cache; }
    CategoryTableModel *coverage() const { return m_coverage; }
    SourcesModel *sources() const { return m_sources; }
    /// The headline cards: queue counts, throughput, time to drain.
    SummaryModel *summary() const { return m_summary; }
    /// The fleet behind a shared queue (empty, hasFleet() false, for one backend).
    WorkersModel *workers() const { return m_workers; }
    /// Outages, pauses and operator actions, for the time charts to draw.
    ChartMarkers *markers() const { return m_markers; }
    /// The backend went out of reach at @p atMs (true) or is back (false): the time series
    /// get a gap there instead of a line drawn across, and a band marks the span.
    void setConnectionLost(bool lost, qint64 atMs);

    /// Error types shown as their own column; others are summed into "other".
    static QStringList knownErrorTypes();

Q_SIGNALS:
    void snapshotApplied();

private:
    Snapshot m_snapshot;
    bool m_hasSnapshot = false;
    std::function<qint64()> m_now;
    CategoryTableModel *m_queue;
    TimeSeriesModel *m_rate;
    TimeSeriesModel *m_trend;
    ForecastModel *m_forecast;
    HeatmapModel *m_heatmap;
    AnomalyModel *m_anomalies;
    TripForecastModel *m_trips;
    FlowModel *m_flow;
    CategoryTableModel *m_breakers;
    CategoryTableModel *m_success;
    CategoryTableModel *m_latency;
    CategoryTableModel *m_rateLimits;
    CategoryTableModel *m_errors;
    CategoryTableModel *m_health;
    CategoryTableModel *m_cache;
    CategoryTableModel *m_coverage;
    SourcesModel *m_sources;
    SummaryModel *m_summary;
    WorkersModel *m_workers;
    ChartMarkers *m_markers;
};

} // namespace dashboard
