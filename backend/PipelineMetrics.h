// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include <QHash>
#include <QStringList>

#include "SourceStats.h"
#include "enrichment/Vocabulary.h"

namespace prometheus {
class Registry;
class Counter;
class Gauge;
class Histogram;
template<typename T> class Family;
} // namespace prometheus

namespace enrichment {

class Clock;

/// Owns the Prometheus registry with the fifteen metrics of the seed (docs/PROTOCOL.md, `/metrics`)
/// plus `enrichment_service_info`, `enrichment_api_rate_limit_limit` and
/// `enrichment_tracks_processed_total`, `enrichment_tracks_deferred_total`, and keeps the windowed
/// per-source figures the JSON snapshot reports.
///
/// Every label set is created once in the constructor with value 0 and kept by reference,
/// so recording an event is a few atomic operations: no label hashing, no family lock.
/// Sources and fields are addressed by index (see sourceIndex()).
///
/// Thread safety: the Prometheus parts are thread-safe (prometheus-cpp atomics); the
/// windowed statistics are not, so record and read from one thread (the backend thread).
class PipelineMetrics final
{
public:
    /// @p clock must outlive the monitor.
    /// @p queue names the queue the depth and rate gauges describe (their `queue` label):
    /// workers on one shared queue report the same numbers under the same name, so
    /// Prometheus takes their max per queue and sums over queues.
    PipelineMetrics(const QStringList &sources, const Clock &clock, const QString &version,
                    const QString &queue = QStringLiteral("local"));
    ~PipelineMetrics();
    PipelineMetrics(const PipelineMetrics &) = delete;
    PipelineMetrics &operator=(const PipelineMetrics &) = delete;

    const QStringList &sources() const { return m_sources; }
    /// Index of @p source, or -1 when it is not configured.
    int sourceIndex(const QString &source) const { return int(m_sources.indexOf(source)); }
    static int fieldIndex(const QString &field) { return int(metadataFieldNames().indexOf(field)); }

    /// One request to a source: counter by status, duration histogram, windowed stats.
    void recordRequest(int source, RequestStatus status, double seconds);
    void recordError(int source, ErrorType type);
    void setBreakerState(int source, BreakerState state);
    void recordBreakerFailure(int source);
    void recordBreakerTrip(int source);
    /// `circuit_breaker_needs_attention{source}`: 1 while the breaker waits for an operator.
    void setBreakerNeedsAttention(int source, bool on);
    void setSourceHealth(int source, SourceHealth health);
    void setQueueDepth(TrackStatus status, qint64 depth);
    void setProcessingRate(double tracksPerMinute);
    /// `enrichment_queue_oldest_pending_seconds` and `enrichment_queue_enqueue_rate`.
    void setQueueFlow(double oldestPendingSeconds, double enqueuedPerMinute);
    /// The workers the fleet should run (`enrichment_workers_desired`) and those alive
    /// now (`enrichment_workers_live`).
    void setWorkers(double desired, double live);
    void setRateLimit(int source, qint64 remaining, qint64 limit, double resetEpochSeconds);
    void recordCache(CacheOperation op, bool ok);
    void setTracksInProgress(qint64 n);
    void observeBatchSize(int n);
    void recordMetadataField(int field);
    /// A track finished with @p status (Completed, Partial or Failed).
    void recordTrackProcessed(TrackStatus status);
    /// A claimed track went back to pending untouched: no source could be asked.
    void recordTrackDeferred();
    qint64 tracksDeferred() const;
    /// A failed track will be asked again in @p delaySeconds, for @p reason (transient,
    /// rate_limited, unavailable): `enrichment_retries_scheduled_total{reason}` and
    /// `enrichment_retry_delay_seconds{reason}`.
    void recordRetryScheduled(QLatin1String reason, double delaySeconds);
    qint64 retriesScheduled(QLatin1String reason) const;
    /// An operator action was carried out (`enrichment_operator_actions_total{action}`:
    /// retry, breaker, pause, resume, enqueue).
    void recordOperatorAction(const QString &action);
    qint64 operatorActions(const QString &action) const;
    /// The RabbitMQ event bus: registers `enrichment_events_published_total`,
    /// `enrichment_events_dropped_total` and `enrichment_event_broker_up` (only backends
    /// with a bus have them), then brings them up to the bus's running totals.
    void setEventBus(quint64 published, quint64 dropped, bool brokerUp);
    /// Counts @p n messages from the bus dropped for @p reason
    /// (`enrichment_bus_messages_dropped_total{reason}`; n = 0 makes the series exist).
    void recordBusDrop(QLatin1String reason, quint64 n);
    qint64 busDrops(QLatin1String reason) const;

    /// The Prometheus text exposition format 0.0.4.
    std::string serialize() const;

    SourceWindow sourceWindow(int source) const;
    qint64 cacheCount(CacheOperation op) const;
    qint64 fieldCount(int field) const;
    qint64 errorCount(int source, ErrorType type) const;
    qint64 requestCount(int source, RequestStatus status) const;
    qint64 tripCount(int source) const;
    qint64 tracksProcessed() const { return m_tracksProcessed; }
    void addTracksProcessed(qint64 n) { m_tracksProcessed += n; }

    prometheus::Registry &registry() { return *m_registry; }

private:
    struct PerSource
    {
        std::array<prometheus::Counter *, RequestStatusCount> requests{};
        prometheus::Histogram *duration = nullptr;
        std::array<prometheus::Counter *, ErrorTypeCount> errors{};
        prometheus::Gauge *breakerState = nullptr;
        prometheus::Counter *breakerFailures = nullptr;
        prometheus::Counter *breakerTrips = nullptr;
        prometheus::Gauge *breakerAttention = nullptr;
        prometheus::Gauge *rateRemaining = nullptr;
        prometheus::Gauge *rateLimit = nullptr;
        prometheus::Gauge *rateReset = nullptr;
        prometheus::Gauge *health = nullptr;
        SourceStats stats;
    };

    const Clock &m_clock;
    QStringList m_sources;
    std::shared_ptr<prometheus::Registry> m_registry;
    std::vector<std::unique_ptr<PerSource>> m_perSource;
    std::array<prometheus::Gauge *, TrackStatusCount> m_queueDepth{};
    prometheus::Gauge *m_processingRate = nullptr;
    prometheus::Gauge *m_oldestPending = nullptr;
    prometheus::Gauge *m_enqueueRate = nullptr;
    prometheus::Gauge *m_workersDesired = nullptr;
    prometheus::Gauge *m_workersLive = nullptr;
    std::array<std::array<prometheus::Counter *, 2>, CacheOperationCount> m_cache{};
    prometheus::Gauge *m_inProgress = nullptr;
    prometheus::Histogram *m_batchSize = nullptr;
    std::vector<prometheus::Counter *> m_fields;
    std::array<prometheus::Counter *, TrackStatusCount> m_processed{};
    prometheus::Counter *m_deferred = nullptr;
    struct RetrySeries
    {
        prometheus::Counter *scheduled = nullptr;
        prometheus::Histogram *delay = nullptr;
    };
    QHash<QString, RetrySeries> m_retries;
    QHash<QString, prometheus::Counter *> m_operatorActions;
    prometheus::Counter *m_eventsPublished = nullptr;
    prometheus::Counter *m_eventsDropped = nullptr;
    prometheus::Gauge *m_brokerUp = nullptr;
    prometheus::Family<prometheus::Counter> *m_busDrops = nullptr;
    qint64 m_tracksProcessed = 0;
};

} // namespace enrichment
