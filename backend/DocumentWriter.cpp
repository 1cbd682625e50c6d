// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DocumentWriter.h"

#include <cmath>

#include <QJsonArray>

#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {

namespace k = wire::key;

/// A rounded number, or null for "no data" (negative).
QJsonValue orNull(double v)
{
    return v < 0 ? QJsonValue() : QJsonValue(std::round(v * 10000.0) / 10000.0);
}

/// Milliseconds as seconds, or null.
QJsonValue secondsOrNull(std::optional<qint64> ms)
{
    return ms ? QJsonValue(double(*ms) / 1000.0) : QJsonValue();
}

QJsonObject breakerJson(const SnapshotState::Source &src)
{
    return QJsonObject{{k::State, toWire(src.state)},
                       {k::FailureCount, src.failureCount},
                       {k::LastFailureTime, secondsOrNull(src.lastFailureMs)},
                       {k::NextProbeInSeconds, secondsOrNull(src.msUntilHalfOpen)},
                       {k::FailureThreshold, src.breaker.failureThreshold},
                       {k::SuccessThreshold, src.breaker.successThreshold},
                       {k::TimeoutSeconds, double(src.breaker.timeoutMs) / 1000.0}};
}

/// A source's figures (`sources.NAME`).
QJsonObject sourceJson(const SnapshotState::Source &src)
{
    const SourceWindow &w = src.window;
    QJsonObject requests, errors;
    for (std::size_t i = 0; i < RequestStatusCount; ++i)
        requests.insert(toWire(RequestStatus(i)), src.requests[i]);
    for (std::size_t i = 0; i < ErrorTypeCount; ++i)
        errors.insert(toWire(ErrorType(i)), src.errors[i]);
    const RateLimitState &rl = src.rateLimit;
    QJsonValue rateLimit;
    if (rl.limit > 0)
        rateLimit = QJsonObject{{k::Limit, rl.limit},
                                {k::Remaining, rl.remaining},
                                {k::ResetTimestamp, double(rl.resetAtMs) / 1000.0}};
    QJsonValue latency;
    if (w.p50 >= 0)
        latency = QJsonObject{{k::P50, orNull(w.p50)},
                              {k::P95, orNull(w.p95)},
                              {k::P99, orNull(w.p99)},
                              {k::WindowSeconds, SourceStats::LatencyWindowMinutes * 60}};
    return QJsonObject{{k::Requests, requests},
                       {k::Errors, errors},
                       {k::Requests1h, w.requests1h},
                       {k::SuccessRate1h, orNull(w.successRate1h)},
                       {k::SuccessRate24h, orNull(w.successRate24h)},
                       {k::LatencySeconds, latency},
                       {k::RateLimit, rateLimit},
                       {k::TripsTotal, src.trips}};
}

/// A relay's breaker of one source: the worst state among the live workers (open over
/// half_open over closed), with each worker's own and the fleet's figures.
QJsonObject fleetBreakerJson(const SnapshotState &st, const QString &source,
                             const QMap<QString, BreakerState> &perWorker, BreakerState *worst)
{
    *worst = BreakerState::Closed;
    QJsonObject states;
    for (auto w = perWorker.cbegin(); w != perWorker.cend(); ++w) {
        *worst = std::max(*worst, w.value());
        states.insert(w.key(), toWire(w.value()));
    }
    QJsonObject cb{{k::State, toWire(*worst)}, {k::Workers, states}};
    // The fleet's figures of that breaker (the most failures in a row, the latest).
    for (const SnapshotState::Source &src : st.sources)
        if (src.name == source) {
            cb.insert(k::FailureCount, src.failureCount);
            cb.insert(k::LastFailureTime, secondsOrNull(src.lastFailureMs));
        }
    return cb;
}

QJsonObject cacheJson(const std::array<qint64, CacheOperationCount> &cache)
{
    const qint64 hits = cache[std::size_t(CacheOperation::Hit)];
    const qint64 misses = cache[std::size_t(CacheOperation::Miss)];
    return QJsonObject{{k::Hits, hits},
                       {k::Misses, misses},
                       {k::Sets, cache[std::size_t(CacheOperation::Set)]},
                       {k::Errors, cache[std::size_t(CacheOperation::Error)]},
                       {k::HitRatio, hits + misses > 0
                                         ? QJsonValue(double(hits) / double(hits + misses))
                                         : QJsonValue()}};
}

QJsonObject fieldCoverageJson(const SnapshotState &st)
{
    const qint64 enriched = st.tracksEnriched;
    QJsonObject fields;
    const QStringList fieldNames = metadataFieldNames();
    for (int f = 0; f < fieldNames.size(); ++f) {
        const qint64 n = st.fieldCounts.value(f);
        fields.insert(
            fieldNames.at(f),
            QJsonObject{{k::Count, n},
                        {k::Ratio, enriched > 0 ? QJsonValue(orNull(double(n) / double(enriched)))
                                                : QJsonValue()}});
    }
    return QJsonObject{{k::TracksEnriched, enriched}, {k::Fields, fields}};
}

QJsonObject processingRateJson(const SnapshotState &st)
{
    auto rounded = [](std::optional<double> v, double scale) {
        return v ? QJsonValue(std::round(*v * scale) / scale) : QJsonValue();
    };
    return QJsonObject{{k::CompletedLastHour, st.completedLastHour},
                       {k::PerMinute, st.perMinute},
                       {k::RateWindowSeconds, st.rateWindowSeconds},
                       {k::EnqueuedPerMinute, rounded(st.enqueuedPerMinute, 100.0)},
                       {k::OldestPendingSeconds, rounded(st.oldestPendingSeconds, 10.0)}};
}

/// One worker of the fleet (`workers[]`).
QJsonObject workerJson(const WorkerInfo &w, const SnapshotState &st)
{
    const qint64 now = st.nowMs;
    const bool lost = !w.stopped && now - w.lastSeenMs > st.workerLostAfterMs;
    // Batches take a fraction of a heartbeat: one in flight at the heartbeat's instant is
    // luck. A worker that finished one recently is at work.
    const bool active =
        w.currentBatch > 0 || (w.lastBatchMs > 0 && now - w.lastBatchMs <= st.activeWithinMs);
    QJsonObject worker{{k::Id, w.id},
                       {k::Host, w.host},
                       {k::Started, wire::formatTime(w.startedMs)},
                       {k::LastSeen, wire::formatTime(w.lastSeenMs)},
                       {k::State, w.stopped ? wire::worker::Stopped
                                  : lost    ? wire::worker::Lost
                                  : active  ? wire::worker::Active
                                            : wire::worker::Idle},
                       {k::BatchesCompleted, w.batches}};
    if (w.lastBatchMs > 0)
        worker.insert(k::LastBatch, wire::formatTime(w.lastBatchMs));
    if (lost || w.stopped) {
        // What it last said is no longer true: nothing in flight that it holds (its
        // leases expire back to pending), no rate, its breakers unknown.
        worker.insert(k::CurrentBatch, 0);
        worker.insert(k::TracksPerMinute, QJsonValue());
        worker.insert(k::CircuitBreakers, QJsonObject());
    } else {
        worker.insert(k::CurrentBatch, w.currentBatch);
        worker.insert(k::TracksPerMinute, std::round(w.tracksPerMinute * 100.0) / 100.0);
        QJsonObject b;
        for (auto it = w.breakers.cbegin(); it != w.breakers.cend(); ++it)
            b.insert(it.key(), toWire(it.value()));
        worker.insert(k::CircuitBreakers, b);
    }
    return worker;
}

} // namespace

QJsonObject writeSnapshot(const SnapshotState &st)
{
    QJsonObject queue;
    for (TrackStatus s : AllTrackStatuses)
        queue.insert(toWire(s), st.queue[std::size_t(s)]);

    QJsonObject breakers, health, sources;
    for (const SnapshotState::Source &src : st.sources) {
        breakers.insert(src.name, breakerJson(src));
        health.insert(src.name, toWire(healthForBreaker(src.state)));
        if (src.monitored)
            sources.insert(src.name, sourceJson(src));
    }
    for (auto it = st.fleetBreakers.cbegin(); it != st.fleetBreakers.cend(); ++it) {
        BreakerState worst = BreakerState::Closed;
        breakers.insert(it.key(), fleetBreakerJson(st, it.key(), it.value(), &worst));
        health.insert(it.key(), toWire(healthForBreaker(worst)));
    }

    QJsonObject doc{
        {k::SchemaVersion, wire::SchemaVersion},
        {k::Timestamp, wire::formatTime(st.nowMs)},
        {k::Queue, queue},
        {k::ProcessingRate, processingRateJson(st)},
        {k::CircuitBreakers, breakers},
        {k::SourceHealth, health},
        {k::Metrics, QJsonObject{{k::Timestamp, double(st.nowMs) / 1000.0},
                                 {k::QueueProcessingRate, st.perMinute},
                                 {k::TracksInProgress, st.tracksInProgress}}},
        {k::Sources, sources},
        {k::Cache, cacheJson(st.cache)},
        {k::FieldCoverage, fieldCoverageJson(st)},
        {k::Service, QJsonObject{{k::Version, st.version},
                                 {k::UptimeSeconds, st.uptimeSeconds},
                                 {k::BatchSize, st.batchSize},
                                 {k::BatchesCompleted, st.batchesCompleted},
                                 {k::LeaseSeconds, st.leaseSeconds},
                                 {k::WorkerId, st.workerId}}},
        {k::Pipeline,
         QJsonObject{{k::Paused, st.control.paused},
                     {k::PausedSources, QJsonArray::fromStringList(st.control.pausedSources)}}},
    };
    if (st.workers) {
        QJsonArray workers;
        for (const WorkerInfo &w : *st.workers)
            workers.append(workerJson(w, st));
        doc.insert(k::Workers, workers);
    }
    return doc;
}

QMap<QString, QMap<QString, BreakerState>> fleetBreakers(const QList<WorkerInfo> &workers,
                                                         qint64 nowMs, qint64 lostAfterMs)
{
    QMap<QString, QMap<QString, BreakerState>> out;
    for (const WorkerInfo &w : workers) {
        if (w.stopped || nowMs - w.lastSeenMs > lostAfterMs)
            continue;
        for (auto it = w.breakers.cbegin(); it != w.breakers.cend(); ++it)
            out[it.key()].insert(w.id, it.value());
    }
    return out;
}

QJsonObject writeHistory(const HistoryState &st)
{
    return QJsonObject{
        {wire::key::SchemaVersion, wire::SchemaVersion},
        {wire::key::Timestamp, wire::formatTime(st.nowMs)},
        {wire::key::Minutes, st.minutes},
        {wire::key::IntervalSeconds, st.intervalSeconds},
        {wire::key::Sources, QJsonArray::fromStringList(st.sourceNames)},
        {wire::key::Samples,
         st.ring ? st.ring->toJson(st.nowMs - qint64(st.minutes) * 60'000, st.sourceNames)
                 : QJsonArray()}};
}

QJsonObject writeHealth(const HealthState &st)
{
    const bool healthy = st.healthy();
    const bool storeOk = st.reachable && st.writable;
    // A worker whose broker is away keeps working (its events wait): degraded, not down.
    const QString status = !healthy                             ? wire::health::Unavailable
                           : st.broker && !st.broker->connected ? wire::health::Degraded
                                                                : wire::health::Ok;
    QJsonObject doc{
        {wire::key::Status, status},
        {wire::key::Version, st.version},
        {wire::key::UptimeSeconds, st.uptimeSeconds},
        {wire::key::Database,
         QJsonObject{{wire::key::Reachable, st.reachable},
                     {wire::key::Writable, st.writable},
                     {wire::key::Error, storeOk ? QJsonValue() : QJsonValue(st.error.left(500))}}},
        {wire::key::Timestamp, wire::formatTime(st.nowMs)}};
    if (st.broker)
        doc.insert(wire::key::Broker,
                   QJsonObject{{wire::key::Connected, st.broker->connected},
                               {wire::key::Error, st.broker->connected
                                                      ? QJsonValue()
                                                      : QJsonValue(st.broker->error.left(500))},
                               {wire::key::Backlog, qint64(st.broker->backlog)},
                               {wire::key::Dropped, qint64(st.broker->dropped)}});
    return doc;
}

} // namespace enrichment
