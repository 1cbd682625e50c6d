// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FleetStats.h"

#include <algorithm>
#include <limits>

#include <QJsonArray>

#include "DocumentWriter.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {
// The heartbeat's `stats` document (docs/PROTOCOL.md, "Fleet statistics"): its keys live
// in protocol/ with the rest of the contract; it is written and read only here.
namespace stats = wire::stats;

/// A count as JSON holds it: a non-negative whole number, else 0.
qint64 count(const QJsonValue &v)
{
    if (!v.isDouble())
        return 0;
    const double d = v.toDouble();
    return d >= 0 && d < 9.0e15 ? qint64(d) : 0;
}

SourceWindow windowOf(const WorkerStats::Source &s)
{
    SourceWindow w;
    w.requests1h = s.requests1h;
    w.successes1h = s.successes1h;
    w.noData1h = s.noData1h;
    w.errors1h = s.errors1h;
    w.requests24h = s.requests24h;
    w.successes24h = s.successes24h;
    if (w.requests1h > 0)
        w.successRate1h = double(w.successes1h) / double(w.requests1h);
    if (w.requests24h > 0)
        w.successRate24h = double(w.successes24h) / double(w.requests24h);
    w.latency = s.latency;
    for (quint64 n : s.latency)
        w.latencyTotal += n;
    if (w.latencyTotal > 0) {
        w.p50 = SourceStats::quantile(w.latency, w.latencyTotal, 0.50);
        w.p95 = SourceStats::quantile(w.latency, w.latencyTotal, 0.95);
        w.p99 = SourceStats::quantile(w.latency, w.latencyTotal, 0.99);
    }
    return w;
}

void add(WorkerStats::Source *to, const WorkerStats::Source &from)
{
    for (std::size_t k = 0; k < RequestStatusCount; ++k)
        to->requests[k] += from.requests[k];
    for (std::size_t k = 0; k < ErrorTypeCount; ++k)
        to->errors[k] += from.errors[k];
    to->requests1h += from.requests1h;
    to->successes1h += from.successes1h;
    to->noData1h += from.noData1h;
    to->errors1h += from.errors1h;
    to->requests24h += from.requests24h;
    to->successes24h += from.successes24h;
    for (std::size_t i = 0; i < LatencyBucketCount; ++i)
        to->latency[i] += from.latency[i];
    to->trips += from.trips;
    // A relay's breaker row: the most consecutive failures and the latest failure.
    to->failureCount = std::max(to->failureCount, from.failureCount);
    to->lastFailureMs = std::max(to->lastFailureMs, from.lastFailureMs);
    // The tightest budget is the one that stops the fleet first.
    const RateLimitState &r = from.rateLimit;
    if (r.limit > 0 &&
        (to->rateLimit.limit <= 0 || r.remaining < to->rateLimit.remaining ||
         (r.remaining == to->rateLimit.remaining && r.resetAtMs > to->rateLimit.resetAtMs)))
        to->rateLimit = r;
    // One provider's quota is the fleet's: every worker says the same, or some do not know.
    to->quotaPerMinute = std::max(to->quotaPerMinute, from.quotaPerMinute);
}

/// The fleet's figures of one source into the snapshot's (its breaker stays as it is).
void takeFigures(SnapshotState::Source *to, const WorkerStats::Source &from)
{
    to->monitored = true;
    to->requests = from.requests;
    to->errors = from.errors;
    to->window = windowOf(from);
    to->rateLimit = from.rateLimit;
    to->quotaPerMinute = from.quotaPerMinute;
    to->trips = from.trips;
}

void add(WorkerStats *to, const WorkerStats &from)
{
    for (auto it = from.sources.cbegin(); it != from.sources.cend(); ++it)
        add(&to->sources[it.key()], it.value());
    for (std::size_t k = 0; k < CacheOperationCount; ++k)
        to->cache[k] += from.cache[k];
    to->tracksEnriched += from.tracksEnriched;
    if (to->fieldCounts.size() < from.fieldCounts.size())
        to->fieldCounts.resize(from.fieldCounts.size());
    for (int f = 0; f < from.fieldCounts.size(); ++f)
        to->fieldCounts[f] += from.fieldCounts.at(f);
}
} // namespace

WorkerStats WorkerStats::fromSnapshot(const SnapshotState &st)
{
    WorkerStats out;
    for (const SnapshotState::Source &src : st.sources) {
        if (!src.monitored)
            continue;
        Source s;
        s.requests = src.requests;
        s.errors = src.errors;
        s.requests1h = src.window.requests1h;
        s.successes1h = src.window.successes1h;
        s.noData1h = src.window.noData1h;
        s.errors1h = src.window.errors1h;
        s.requests24h = src.window.requests24h;
        s.successes24h = src.window.successes24h;
        s.latency = src.window.latency;
        s.rateLimit = src.rateLimit;
        s.quotaPerMinute = src.quotaPerMinute;
        s.trips = src.trips;
        s.failureCount = src.failureCount;
        s.lastFailureMs = src.lastFailureMs.value_or(0);
        out.sources.insert(src.name, s);
    }
    out.cache = st.cache;
    out.tracksEnriched = st.tracksEnriched;
    out.fieldCounts = st.fieldCounts;
    return out;
}

QJsonObject WorkerStats::toJson() const
{
    QJsonObject sourcesJson;
    for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
        const Source &s = it.value();
        QJsonObject requestsJson, errorsJson;
        for (std::size_t k = 0; k < RequestStatusCount; ++k)
            requestsJson.insert(toWire(RequestStatus(k)), s.requests[k]);
        for (std::size_t k = 0; k < ErrorTypeCount; ++k)
            errorsJson.insert(toWire(ErrorType(k)), s.errors[k]);
        QJsonArray latency; // sparse: [bucket, count] pairs
        for (std::size_t i = 0; i < LatencyBucketCount; ++i)
            if (s.latency[i] > 0)
                latency.append(QJsonArray{int(i), qint64(s.latency[i])});
        QJsonObject source{{stats::Requests, requestsJson},
                           {stats::Errors, errorsJson},
                           {stats::Window, QJsonObject{{stats::Requests1h, s.requests1h},
                                                       {stats::Successes1h, s.successes1h},
                                                       {stats::NoData1h, s.noData1h},
                                                       {stats::Errors1h, s.errors1h},
                                                       {stats::Requests24h, s.requests24h},
                                                       {stats::Successes24h, s.successes24h}}},
                           {stats::Latency, latency},
                           {stats::Trips, s.trips},
                           {stats::FailureCount, s.failureCount},
                           {stats::LastFailureMs, s.lastFailureMs}};
        if (s.rateLimit.limit > 0)
            source.insert(stats::RateLimit, QJsonObject{{stats::Limit, s.rateLimit.limit},
                                                        {stats::Remaining, s.rateLimit.remaining},
                                                        {stats::ResetMs, s.rateLimit.resetAtMs}});
        if (s.quotaPerMinute > 0)
            source.insert(stats::QuotaPerMinute, s.quotaPerMinute);
        sourcesJson.insert(it.key(), source);
    }
    QJsonObject cacheJson;
    for (std::size_t k = 0; k < CacheOperationCount; ++k)
        cacheJson.insert(toWire(CacheOperation(k)), cache[k]);
    QJsonObject fieldsJson;
    const QStringList names = metadataFieldNames();
    for (int f = 0; f < names.size() && f < fieldCounts.size(); ++f)
        fieldsJson.insert(names.at(f), fieldCounts.at(f));
    return QJsonObject{{stats::Sources, sourcesJson},
                       {stats::Cache, cacheJson},
                       {stats::TracksEnriched, tracksEnriched},
                       {stats::Fields, fieldsJson}};
}

WorkerStats WorkerStats::fromJson(const QJsonObject &o)
{
    WorkerStats out;
    const QJsonObject sourcesJson = o.value(stats::Sources).toObject();
    for (auto it = sourcesJson.begin(); it != sourcesJson.end(); ++it) {
        if (out.sources.size() >= MaxSources)
            break;
        const QString name = it.key();
        if (name.isEmpty() || name.size() > 64 || !it.value().isObject())
            continue;
        const QJsonObject j = it.value().toObject();
        Source s;
        const QJsonObject requestsJson = j.value(stats::Requests).toObject();
        for (std::size_t k = 0; k < RequestStatusCount; ++k)
            s.requests[k] = count(requestsJson.value(toWire(RequestStatus(k))));
        const QJsonObject errorsJson = j.value(stats::Errors).toObject();
        for (std::size_t k = 0; k < ErrorTypeCount; ++k)
            s.errors[k] = count(errorsJson.value(toWire(ErrorType(k))));
        const QJsonObject w = j.value(stats::Window).toObject();
        s.requests1h = count(w.value(stats::Requests1h));
        s.successes1h = std::min(s.requests1h, count(w.value(stats::Successes1h)));
        s.noData1h = count(w.value(stats::NoData1h));
        s.errors1h = count(w.value(stats::Errors1h));
        s.requests24h = count(w.value(stats::Requests24h));
        s.successes24h = std::min(s.requests24h, count(w.value(stats::Successes24h)));
        for (const QJsonValue &pair : j.value(stats::Latency).toArray()) {
            const QJsonArray p = pair.toArray();
            const qint64 bucket = p.size() == 2 && p.at(0).isDouble() ? p.at(0).toInteger() : -1;
            if (bucket >= 0 && bucket < LatencyBucketCount)
                s.latency[std::size_t(bucket)] += quint64(count(p.at(1)));
        }
        const QJsonObject rl = j.value(stats::RateLimit).toObject();
        if (count(rl.value(stats::Limit)) > 0) {
            s.rateLimit.limit = count(rl.value(stats::Limit));
            s.rateLimit.remaining = std::min(s.rateLimit.limit, count(rl.value(stats::Remaining)));
            s.rateLimit.resetAtMs = count(rl.value(stats::ResetMs));
        }
        if (const double q = j.value(stats::QuotaPerMinute).toDouble(); q > 0 && q < 1e9)
            s.quotaPerMinute = q;
        s.trips = count(j.value(stats::Trips));
        s.failureCount = int(std::min<qint64>(count(j.value(stats::FailureCount)), 1'000'000));
        s.lastFailureMs = count(j.value(stats::LastFailureMs));
        out.sources.insert(name, s);
    }
    const QJsonObject cacheJson = o.value(stats::Cache).toObject();
    for (std::size_t k = 0; k < CacheOperationCount; ++k)
        out.cache[k] = count(cacheJson.value(toWire(CacheOperation(k))));
    out.tracksEnriched = count(o.value(stats::TracksEnriched));
    const QJsonObject fieldsJson = o.value(stats::Fields).toObject();
    for (const QString &name : metadataFieldNames())
        out.fieldCounts.append(count(fieldsJson.value(name)));
    return out;
}

void mergeFleetStats(SnapshotState *st, const WorkerStats &own, const QString &selfId,
                     const QList<WorkerInfo> &workers, qint64 lostAfterMs)
{
    WorkerStats fleet = own;
    for (const WorkerInfo &w : workers) {
        if (w.id == selfId || w.stopped || st->nowMs - w.lastSeenMs > lostAfterMs)
            continue; // this process counts live; the gone count no more
        add(&fleet, WorkerStats::fromJson(w.stats));
    }
    QStringList seen;
    for (SnapshotState::Source &src : st->sources) {
        seen << src.name;
        const auto it = fleet.sources.constFind(src.name);
        if (it == fleet.sources.cend())
            continue;
        takeFigures(&src, *it);
    }
    // Sources that only other workers ask (all of them, for a relay), in waterfall order,
    // then by name.
    QStringList others = defaultSourceNames();
    for (auto it = fleet.sources.cbegin(); it != fleet.sources.cend(); ++it)
        if (!others.contains(it.key()))
            others << it.key();
    for (const QString &name : std::as_const(others)) {
        const auto it = fleet.sources.constFind(name);
        if (it == fleet.sources.cend() || seen.contains(name))
            continue;
        SnapshotState::Source src;
        src.name = it.key();
        takeFigures(&src, *it);
        src.failureCount = it->failureCount;
        if (it->lastFailureMs > 0)
            src.lastFailureMs = it->lastFailureMs;
        // Its breaker: the worst among the live workers (the relay's fleet breakers).
        const auto fb = st->fleetBreakers.constFind(src.name);
        if (fb != st->fleetBreakers.cend())
            for (BreakerState b : *fb)
                src.state = std::max(src.state, b);
        st->sources.append(src);
    }
    st->cache = fleet.cache;
    st->tracksEnriched = fleet.tracksEnriched;
    st->fieldCounts = fleet.fieldCounts;
    st->tracksInProgress = int(std::min<qint64>(st->queue[std::size_t(TrackStatus::InProgress)],
                                                std::numeric_limits<int>::max()));
}

} // namespace enrichment
