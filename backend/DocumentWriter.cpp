// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DocumentWriter.h"

#include <cmath>

#include <QJsonArray>

#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {
/// A rounded number, or null for "no data" (negative).
QJsonValue orNull(double v)
{
    return v < 0 ? QJsonValue() : QJsonValue(std::round(v * 10000.0) / 10000.0);
}
} // namespace

QJsonObject writeSnapshot(const SnapshotState &st)
{
    const qint64 now = st.nowMs;
    QJsonObject queue;
    for (TrackStatus s : AllTrackStatuses)
        queue.insert(toWire(s), st.queue[std::size_t(s)]);
    const qint64 lastHour = st.completedLastHour;
    const double rate = st.perMinute;

    QJsonObject breakers, health, sources;
    for (const SnapshotState::Source &src : st.sources) {
        const QString &name = src.name;
        QJsonObject cb{
            {wire::key::State, toWire(src.state)},
            {wire::key::FailureCount, src.failureCount},
            {wire::key::LastFailureTime,
             src.lastFailureMs ? QJsonValue(double(*src.lastFailureMs) / 1000.0) : QJsonValue()},
            {wire::key::NextProbeInSeconds, src.msUntilHalfOpen
                                                ? QJsonValue(double(*src.msUntilHalfOpen) / 1000.0)
                                                : QJsonValue()},
            {wire::key::FailureThreshold, src.breaker.failureThreshold},
            {wire::key::SuccessThreshold, src.breaker.successThreshold},
            {wire::key::TimeoutSeconds, double(src.breaker.timeoutMs) / 1000.0}};
        breakers.insert(name, cb);
        health.insert(name, toWire(healthForBreaker(src.state)));

        if (!src.monitored)
            continue;
        const SourceWindow &w = src.window;
        QJsonObject requests, errors;
        for (std::size_t k = 0; k < RequestStatusCount; ++k)
            requests.insert(toWire(RequestStatus(k)), src.requests[k]);
        for (std::size_t k = 0; k < ErrorTypeCount; ++k)
            errors.insert(toWire(ErrorType(k)), src.errors[k]);
        const RateLimitState &rl = src.rateLimit;
        QJsonValue rateLimit;
        if (rl.limit > 0)
            rateLimit = QJsonObject{{wire::key::Limit, rl.limit},
                                    {wire::key::Remaining, rl.remaining},
                                    {wire::key::ResetTimestamp, double(rl.resetAtMs) / 1000.0}};
        QJsonValue latency;
        if (w.p50 >= 0)
            latency =
                QJsonObject{{wire::key::P50, orNull(w.p50)},
                            {wire::key::P95, orNull(w.p95)},
                            {wire::key::P99, orNull(w.p99)},
                            {wire::key::WindowSeconds, SourceStats::LatencyWindowMinutes * 60}};
        sources.insert(name, QJsonObject{{wire::key::Requests, requests},
                                         {wire::key::Errors, errors},
                                         {wire::key::Requests1h, w.requests1h},
                                         {wire::key::SuccessRate1h, orNull(w.successRate1h)},
                                         {wire::key::SuccessRate24h, orNull(w.successRate24h)},
                                         {wire::key::LatencySeconds, latency},
                                         {wire::key::RateLimit, rateLimit},
                                         {wire::key::TripsTotal, src.trips}});
    }

    // A relay's breakers: per source, the worst state among the live workers (open over
    // half_open over closed), with each worker's own.
    for (auto it = st.fleetBreakers.cbegin(); it != st.fleetBreakers.cend(); ++it) {
        BreakerState worst = BreakerState::Closed;
        QJsonObject perWorker;
        for (auto w = it->cbegin(); w != it->cend(); ++w) {
            worst = std::max(worst, w.value());
            perWorker.insert(w.key(), toWire(w.value()));
        }
        QJsonObject cb{{wire::key::State, toWire(worst)}, {wire::key::Workers, perWorker}};
        // The fleet's figures of that breaker (the most failures in a row, the latest).
        for (const SnapshotState::Source &src : st.sources)
            if (src.name == it.key()) {
                cb.insert(wire::key::FailureCount, src.failureCount);
                cb.insert(wire::key::LastFailureTime,
                          src.lastFailureMs ? QJsonValue(double(*src.lastFailureMs) / 1000.0)
                                            : QJsonValue());
            }
        breakers.insert(it.key(), cb);
        health.insert(it.key(), toWire(healthForBreaker(worst)));
    }

    const qint64 hits = st.cache[std::size_t(CacheOperation::Hit)];
    const qint64 misses = st.cache[std::size_t(CacheOperation::Miss)];
    QJsonObject cache{{wire::key::Hits, hits},
                      {wire::key::Misses, misses},
                      {wire::key::Sets, st.cache[std::size_t(CacheOperation::Set)]},
                      {wire::key::Errors, st.cache[std::size_t(CacheOperation::Error)]},
                      {wire::key::HitRatio, hits + misses > 0
                                                ? QJsonValue(double(hits) / double(hits + misses))
                                                : QJsonValue()}};

    const qint64 enriched = st.tracksEnriched;
    QJsonObject fields;
    const QStringList fieldNames = metadataFieldNames();
    for (int f = 0; f < fieldNames.size(); ++f) {
        const qint64 n = st.fieldCounts.value(f);
        fields.insert(fieldNames.at(f),
                      QJsonObject{{wire::key::Count, n},
                                  {wire::key::Ratio,
                                   enriched > 0 ? QJsonValue(orNull(double(n) / double(enriched)))
                                                : QJsonValue()}});
    }

    QJsonObject doc{
        {wire::key::SchemaVersion, wire::SchemaVersion},
        {wire::key::Timestamp, wire::formatTime(now)},
        {wire::key::Queue, queue},
        {wire::key::ProcessingRate,
         QJsonObject{{wire::key::CompletedLastHour, lastHour},
                     {wire::key::PerMinute, rate},
                     {wire::key::RateWindowSeconds, st.rateWindowSeconds},
                     {wire::key::EnqueuedPerMinute,
                      st.enqueuedPerMinute
                          ? QJsonValue(std::round(*st.enqueuedPerMinute * 100.0) / 100.0)
                          : QJsonValue()},
                     {wire::key::OldestPendingSeconds,
                      st.oldestPendingSeconds
                          ? QJsonValue(std::round(*st.oldestPendingSeconds * 10.0) / 10.0)
                          : QJsonValue()}}},
        {wire::key::CircuitBreakers, breakers},
        {wire::key::SourceHealth, health},
        {wire::key::Metrics, QJsonObject{{wire::key::Timestamp, double(now) / 1000.0},
                                         {wire::key::QueueProcessingRate, rate},
                                         {wire::key::TracksInProgress, st.tracksInProgress}}},
        {wire::key::Sources, sources},
        {wire::key::Cache, cache},
        {wire::key::FieldCoverage,
         QJsonObject{{wire::key::TracksEnriched, enriched}, {wire::key::Fields, fields}}},
        {wire::key::Service, QJsonObject{{wire::key::Version, st.version},
                                         {wire::key::UptimeSeconds, st.uptimeSeconds},
                                         {wire::key::BatchSize, st.batchSize},
                                         {wire::key::BatchesCompleted, st.batchesCompleted},
                                         {wire::key::LeaseSeconds, st.leaseSeconds},
                                         {wire::key::WorkerId, st.workerId}}},
        {wire::key::Pipeline, QJsonObject{{wire::key::Paused, st.control.paused},
                                          {wire::key::PausedSources,
                                           QJsonArray::fromStringList(st.control.pausedSources)}}},
    };
    if (st.workers) {
        QJsonArray workers;
        for (const WorkerInfo &w : *st.workers) {
            const bool lost = !w.stopped && now - w.lastSeenMs > st.workerLostAfterMs;
            // Batches take a fraction of a heartbeat: one in flight at the heartbeat's
            // instant is luck. A worker that finished one recently is at work.
            const bool active = w.currentBatch > 0 ||
                                (w.lastBatchMs > 0 && now - w.lastBatchMs <= st.activeWithinMs);
            QJsonObject worker{{wire::key::Id, w.id},
                               {wire::key::Host, w.host},
                               {wire::key::Started, wire::formatTime(w.startedMs)},
                               {wire::key::LastSeen, wire::formatTime(w.lastSeenMs)},
                               {wire::key::State, w.stopped ? wire::worker::Stopped
                                                  : lost    ? wire::worker::Lost
                                                  : active  ? wire::worker::Active
                                                            : wire::worker::Idle},
                               {wire::key::BatchesCompleted, w.batches}};
            if (w.lastBatchMs > 0)
                worker.insert(wire::key::LastBatch, wire::formatTime(w.lastBatchMs));
            if (lost || w.stopped) {
                // What it last said is no longer true: nothing in flight that it holds
                // (its leases expire back to pending), no rate, its breakers unknown.
                worker.insert(wire::key::CurrentBatch, 0);
                worker.insert(wire::key::TracksPerMinute, QJsonValue());
                worker.insert(wire::key::CircuitBreakers, QJsonObject());
            } else {
                worker.insert(wire::key::CurrentBatch, w.currentBatch);
                worker.insert(wire::key::TracksPerMinute,
                              std::round(w.tracksPerMinute * 100.0) / 100.0);
                QJsonObject b;
                for (auto it = w.breakers.cbegin(); it != w.breakers.cend(); ++it)
                    b.insert(it.key(), toWire(it.value()));
                worker.insert(wire::key::CircuitBreakers, b);
            }
            workers.append(worker);
        }
        doc.insert(wire::key::Workers, workers);
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
