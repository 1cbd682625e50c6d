// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DocumentWriter.h"

#include <cmath>

#include <QJsonArray>

#include "enrichment/SnapshotWriter.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {

/// A rounded number, or none for "no data" (negative).
std::optional<double> rounded(double v)
{
    if (v < 0)
        return std::nullopt;
    return std::round(v * 10000.0) / 10000.0;
}

std::optional<double> rounded(std::optional<double> v, double scale)
{
    if (!v)
        return std::nullopt;
    return std::round(*v * scale) / scale;
}

/// Milliseconds as seconds.
std::optional<double> seconds(std::optional<qint64> ms)
{
    if (!ms)
        return std::nullopt;
    return double(*ms) / 1000.0;
}

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

BreakerInfo breakerOf(const SnapshotState::Source &src)
{
    BreakerInfo b;
    b.state = src.state;
    b.failureCount = src.failureCount;
    b.lastFailureTime = seconds(src.lastFailureMs);
    b.lastFailureReported = true;
    b.nextProbeInSeconds = seconds(src.msUntilHalfOpen);
    b.nextProbeReported = true;
    b.failureThreshold = src.breaker.failureThreshold;
    b.successThreshold = src.breaker.successThreshold;
    b.timeoutSeconds = double(src.breaker.timeoutMs) / 1000.0;
    b.needsAttention = src.needsAttention;
    b.reopens = src.reopens;
    b.reopenLimit = src.breaker.reopenLimit;
    return b;
}

/// A source's figures (`sources.NAME`) from what its window measured.
void addFigures(const SnapshotState::Source &src, SourceInfo *out)
{
    const SourceWindow &w = src.window;
    out->figures = true;
    for (std::size_t i = 0; i < RequestStatusCount; ++i)
        out->requestsByStatus.insert(toWire(RequestStatus(i)), src.requests[i]);
    for (std::size_t i = 0; i < ErrorTypeCount; ++i)
        out->errors.insert(toWire(ErrorType(i)), src.errors[i]);
    out->requests1h = w.requests1h;
    out->successRate1h = rounded(w.successRate1h);
    out->successRate24h = rounded(w.successRate24h);
    if (w.p50 >= 0)
        out->latency = LatencyInfo{rounded(w.p50), rounded(w.p95), rounded(w.p99),
                                   qint64(SourceStats::LatencyWindowMinutes) * 60};
    const RateLimitState &rl = src.rateLimit;
    if (rl.limit > 0)
        out->rateLimit =
            RateLimitInfo{double(rl.limit), double(rl.remaining), double(rl.resetAtMs) / 1000.0};
    out->trips = src.trips;
}

/// A relay's breaker of one source: the worst state among the live workers (open over
/// half_open over closed), with each worker's own and the fleet's figures.
BreakerInfo fleetBreakerOf(const SnapshotState &st, const QString &source,
                           const QMap<QString, BreakerState> &perWorker)
{
    BreakerInfo b;
    BreakerState worst = BreakerState::Closed;
    for (auto w = perWorker.cbegin(); w != perWorker.cend(); ++w)
        worst = std::max(worst, w.value());
    b.state = worst;
    b.workers = perWorker;
    // The fleet's figures of that breaker (the most failures in a row, the latest).
    for (const SnapshotState::Source &src : st.sources)
        if (src.name == source) {
            b.failureCount = src.failureCount;
            b.lastFailureTime = seconds(src.lastFailureMs);
            b.lastFailureReported = true;
        }
    return b;
}

CacheInfo cacheOf(const std::array<qint64, CacheOperationCount> &cache)
{
    const qint64 hits = cache[std::size_t(CacheOperation::Hit)];
    const qint64 misses = cache[std::size_t(CacheOperation::Miss)];
    return CacheInfo{hits, misses, cache[std::size_t(CacheOperation::Set)],
                     cache[std::size_t(CacheOperation::Error)],
                     hits + misses > 0 ? std::optional<double>(double(hits) / double(hits + misses))
                                       : std::nullopt};
}

CoverageInfo coverageOf(const SnapshotState &st)
{
    CoverageInfo c;
    c.tracksEnriched = st.tracksEnriched;
    const QStringList names = metadataFieldNames();
    for (int f = 0; f < names.size(); ++f) {
        const qint64 n = st.fieldCounts.value(f);
        c.fields << FieldCoverage{
            names.at(f), n,
            st.tracksEnriched > 0 ? rounded(double(n) / double(st.tracksEnriched)) : std::nullopt};
    }
    return c;
}

/// One worker of the fleet (`workers[]`), as it is now.
FleetWorker workerOf(const WorkerInfo &w, const SnapshotState &st)
{
    const qint64 now = st.nowMs;
    const bool lost = !w.stopped && now - w.lastSeenMs > st.workerLostAfterMs;
    // Batches take a fraction of a heartbeat: one in flight at the heartbeat's instant is
    // luck. A worker that finished one recently is at work.
    const bool active =
        w.currentBatch > 0 || (w.lastBatchMs > 0 && now - w.lastBatchMs <= st.activeWithinMs);
    FleetWorker f;
    f.id = w.id;
    f.host = w.host;
    f.started = utc(w.startedMs);
    f.lastSeen = utc(w.lastSeenMs);
    f.state = w.stopped ? FleetWorker::State::Stopped
              : lost    ? FleetWorker::State::Lost
              : active  ? FleetWorker::State::Active
                        : FleetWorker::State::Idle;
    f.batchesCompleted = w.batches;
    if (w.lastBatchMs > 0)
        f.lastBatch = utc(w.lastBatchMs);
    if (lost || w.stopped) {
        // What it last said is no longer true: nothing in flight that it holds (its
        // leases expire back to pending), no rate, its breakers unknown.
        f.currentBatch = 0;
    } else {
        f.currentBatch = w.currentBatch;
        f.tracksPerMinute = std::round(w.tracksPerMinute * 100.0) / 100.0;
        f.breakers = w.breakers;
    }
    return f;
}

} // namespace

Snapshot snapshotDocument(const SnapshotState &st)
{
    Snapshot doc;
    doc.schemaVersion = wire::SchemaVersion;
    doc.timestamp = utc(st.nowMs);
    for (std::size_t i = 0; i < TrackStatusCount; ++i)
        doc.queue[i] = st.queue[i];
    doc.completedLastHour = st.completedLastHour;
    doc.perMinute = st.perMinute;
    doc.rateWindowSeconds = st.rateWindowSeconds;
    doc.enqueuedPerMinute = rounded(st.enqueuedPerMinute, 100.0);
    doc.oldestPendingSeconds = rounded(st.oldestPendingSeconds, 10.0);
    doc.tracksInProgress = st.tracksInProgress;
    for (const SnapshotState::Source &src : st.sources) {
        SourceInfo info;
        info.name = src.name;
        info.breaker = breakerOf(src);
        info.health = healthForBreaker(src.state);
        if (src.monitored)
            addFigures(src, &info);
        doc.sources << info;
    }
    for (auto it = st.fleetBreakers.cbegin(); it != st.fleetBreakers.cend(); ++it) {
        SourceInfo *info = nullptr;
        for (SourceInfo &s : doc.sources)
            if (s.name == it.key())
                info = &s;
        if (!info) {
            doc.sources << SourceInfo{};
            info = &doc.sources.last();
            info->name = it.key();
        }
        info->breaker = fleetBreakerOf(st, it.key(), it.value());
        info->health = healthForBreaker(*info->breaker->state);
    }
    doc.sourcesOff = st.sourcesOff;
    doc.cache = cacheOf(st.cache);
    doc.coverage = coverageOf(st);
    doc.serviceVersion = st.version;
    doc.workerId = st.workerId;
    doc.service = {st.uptimeSeconds, st.batchSize, st.batchesCompleted, st.leaseSeconds};
    doc.pipeline = Snapshot::Pipeline{st.control.paused, st.control.pausedSources};
    doc.autoscale = st.autoscale;
    if (st.workers) {
        QList<FleetWorker> workers;
        for (const WorkerInfo &w : *st.workers)
            workers << workerOf(w, st);
        doc.workers = workers;
    }
    return doc;
}

QJsonObject writeSnapshot(const SnapshotState &st)
{
    return SnapshotWriter::write(snapshotDocument(st));
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
    return writeHistoryDocument(
        st.nowMs, st.minutes, st.intervalSeconds, st.sourceNames,
        st.ring ? st.ring->toJson(st.nowMs - qint64(st.minutes) * 60'000, st.sourceNames)
                : QJsonArray());
}

} // namespace enrichment
