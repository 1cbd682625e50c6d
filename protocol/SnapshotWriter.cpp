// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/SnapshotWriter.h"

#include <QJsonArray>

#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {

namespace k = wire::key;

template<typename T> QJsonValue orNull(const std::optional<T> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonValue time(const QDateTime &t)
{
    return wire::formatTime(t.toMSecsSinceEpoch());
}

QJsonObject breakerJson(const BreakerInfo &b)
{
    QJsonObject o{{k::State, b.state ? QJsonValue(toWire(*b.state)) : QJsonValue()}};
    if (b.failureCount)
        o.insert(k::FailureCount, *b.failureCount);
    if (b.lastFailureReported)
        o.insert(k::LastFailureTime, orNull(b.lastFailureTime));
    if (b.nextProbeReported)
        o.insert(k::NextProbeInSeconds, orNull(b.nextProbeInSeconds));
    if (b.failureThreshold)
        o.insert(k::FailureThreshold, *b.failureThreshold);
    if (b.successThreshold)
        o.insert(k::SuccessThreshold, *b.successThreshold);
    if (b.timeoutSeconds)
        o.insert(k::TimeoutSeconds, *b.timeoutSeconds);
    if (b.needsAttention)
        o.insert(k::NeedsAttention, *b.needsAttention);
    if (b.reopens)
        o.insert(k::Reopens, *b.reopens);
    if (b.reopenLimit)
        o.insert(k::ReopenLimit, *b.reopenLimit);
    if (b.workers) {
        QJsonObject states;
        for (auto it = b.workers->cbegin(); it != b.workers->cend(); ++it)
            states.insert(it.key(), toWire(it.value()));
        o.insert(k::Workers, states);
    }
    return o;
}

QJsonObject counts(const QMap<QString, qint64> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

/// A source's figures (`sources.NAME`).
QJsonObject sourceJson(const SourceInfo &src)
{
    QJsonValue latency;
    if (src.latency) {
        QJsonObject l{{k::P50, orNull(src.latency->p50)},
                      {k::P95, orNull(src.latency->p95)},
                      {k::P99, orNull(src.latency->p99)}};
        if (src.latency->windowSeconds)
            l.insert(k::WindowSeconds, *src.latency->windowSeconds);
        latency = l;
    }
    QJsonValue rateLimit;
    if (src.rateLimit)
        rateLimit = QJsonObject{{k::Limit, src.rateLimit->limit},
                                {k::Remaining, src.rateLimit->remaining},
                                {k::ResetTimestamp, orNull(src.rateLimit->resetTimestamp)}};
    QJsonObject o{{k::Requests, counts(src.requestsByStatus)},
                  {k::Errors, counts(src.errors)},
                  {k::SuccessRate1h, orNull(src.successRate1h)},
                  {k::SuccessRate24h, orNull(src.successRate24h)},
                  {k::LatencySeconds, latency},
                  {k::RateLimit, rateLimit}};
    if (src.requests1h)
        o.insert(k::Requests1h, *src.requests1h);
    if (src.trips)
        o.insert(k::TripsTotal, *src.trips);
    return o;
}

QJsonObject processingRateJson(const Snapshot &s)
{
    QJsonObject o{{k::EnqueuedPerMinute, orNull(s.enqueuedPerMinute)},
                  {k::OldestPendingSeconds, orNull(s.oldestPendingSeconds)}};
    if (s.completedLastHour)
        o.insert(k::CompletedLastHour, *s.completedLastHour);
    if (s.perMinute)
        o.insert(k::PerMinute, *s.perMinute);
    if (s.rateWindowSeconds)
        o.insert(k::RateWindowSeconds, *s.rateWindowSeconds);
    return o;
}

QJsonObject cacheJson(const CacheInfo &c)
{
    QJsonObject o{{k::HitRatio, orNull(c.hitRatio)}};
    for (const auto &[key, value] : {std::pair{k::Hits, c.hits}, std::pair{k::Misses, c.misses},
                                     std::pair{k::Sets, c.sets}, std::pair{k::Errors, c.errors}})
        if (value)
            o.insert(key, *value);
    return o;
}

QJsonObject coverageJson(const CoverageInfo &c)
{
    QJsonObject fields;
    for (const FieldCoverage &f : c.fields)
        fields.insert(f.field, QJsonObject{{k::Count, f.count}, {k::Ratio, orNull(f.ratio)}});
    QJsonObject o{{k::Fields, fields}};
    if (c.tracksEnriched)
        o.insert(k::TracksEnriched, *c.tracksEnriched);
    return o;
}

QJsonObject serviceJson(const Snapshot &s)
{
    QJsonObject o{{k::Version, s.serviceVersion}, {k::WorkerId, s.workerId}};
    if (s.service.uptimeSeconds)
        o.insert(k::UptimeSeconds, *s.service.uptimeSeconds);
    if (s.service.batchSize)
        o.insert(k::BatchSize, *s.service.batchSize);
    if (s.service.batchesCompleted)
        o.insert(k::BatchesCompleted, *s.service.batchesCompleted);
    if (s.service.leaseSeconds)
        o.insert(k::LeaseSeconds, *s.service.leaseSeconds);
    return o;
}

QJsonObject workerJson(const FleetWorker &w)
{
    QJsonObject breakers;
    for (auto it = w.breakers.cbegin(); it != w.breakers.cend(); ++it)
        breakers.insert(it.key(), toWire(it.value()));
    QJsonObject o{{k::Id, w.id},
                  {k::Host, w.host},
                  {k::Started, time(w.started)},
                  {k::LastSeen, time(w.lastSeen)},
                  {k::State, w.state ? QJsonValue(toWire(*w.state)) : QJsonValue()},
                  {k::CurrentBatch, orNull(w.currentBatch)},
                  {k::BatchesCompleted, orNull(w.batchesCompleted)},
                  {k::TracksPerMinute, orNull(w.tracksPerMinute)},
                  {k::CircuitBreakers, breakers}};
    if (w.lastBatch.isValid())
        o.insert(k::LastBatch, time(w.lastBatch));
    return o;
}

QJsonObject autoscaleJson(const AutoscaleInfo &a)
{
    return QJsonObject{
        {k::DesiredWorkers, a.desiredWorkers},
        {k::LiveWorkers, a.liveWorkers},
        {k::Reason, toWire(a.reason)},
        {k::Backlog, a.backlog},
        {k::InflowPerMinute, a.inflowPerMinute},
        {k::ForecastBacklog, a.forecastBacklog},
        {k::TargetDrainSeconds, a.targetDrainSeconds},
        {k::DrainSecondsLeft, a.drainSecondsLeft},
        {k::RatePerWorker, orNull(a.ratePerWorker)},
        {k::UncappedWorkers, a.uncappedWorkers},
        {k::CapWorkers, orNull(a.capWorkers)},
        {k::CapSource, a.capSource.isEmpty() ? QJsonValue() : QJsonValue(a.capSource)},
        {k::CapQuotaPerMinute, orNull(a.capQuotaPerMinute)},
        {k::OpenSources, QJsonArray::fromStringList(a.openSources)},
        {k::MinWorkers, a.minWorkers},
        {k::MaxWorkers, a.maxWorkers},
    };
}

} // namespace

QJsonObject SnapshotWriter::write(const Snapshot &s)
{
    QJsonObject queue;
    for (std::size_t i = 0; i < TrackStatusCount; ++i)
        if (s.queue[i])
            queue.insert(toWire(TrackStatus(i)), *s.queue[i]);
    QJsonObject breakers, health, sources;
    for (const SourceInfo &src : s.sources) {
        if (src.breaker)
            breakers.insert(src.name, breakerJson(*src.breaker));
        if (src.health)
            health.insert(src.name, toWire(*src.health));
        if (src.figures)
            sources.insert(src.name, sourceJson(src));
    }
    QJsonObject doc{
        {k::SchemaVersion, s.schemaVersion},
        {k::Timestamp, time(s.timestamp)},
        {k::Queue, queue},
        {k::ProcessingRate, processingRateJson(s)},
        {k::CircuitBreakers, breakers},
        {k::SourceHealth, health},
        {k::Metrics, QJsonObject{{k::Timestamp, double(s.timestamp.toMSecsSinceEpoch()) / 1000.0},
                                 {k::QueueProcessingRate, orNull(s.perMinute)},
                                 {k::TracksInProgress, orNull(s.tracksInProgress)}}},
        {k::Sources, sources},
        {k::Service, serviceJson(s)},
    };
    if (!s.sourcesOff.isEmpty())
        doc.insert(k::SourcesOff, QJsonArray::fromStringList(s.sourcesOff));
    if (s.cache)
        doc.insert(k::Cache, cacheJson(*s.cache));
    if (s.coverage)
        doc.insert(k::FieldCoverage, coverageJson(*s.coverage));
    if (s.pipeline)
        doc.insert(
            k::Pipeline,
            QJsonObject{{k::Paused, s.pipeline->paused},
                        {k::PausedSources, QJsonArray::fromStringList(s.pipeline->pausedSources)}});
    if (s.autoscale)
        doc.insert(k::Autoscale, autoscaleJson(*s.autoscale));
    if (s.workers) {
        QJsonArray workers;
        for (const FleetWorker &w : *s.workers)
            workers.append(workerJson(w));
        doc.insert(k::Workers, workers);
    }
    return doc;
}

} // namespace enrichment
