// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/SnapshotParser.h"

#include "enrichment/ServerText.h"
#include "enrichment/WireFormat.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace enrichment {

namespace {
constexpr double MaxExact = 9007199254740992.0; // 2^53

std::optional<double> number(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::fabs(d) > MaxExact)
        return std::nullopt;
    return d;
}

std::optional<double> nonNegative(const QJsonValue &v)
{
    const auto d = number(v);
    if (!d || *d < 0)
        return std::nullopt;
    return d;
}

std::optional<qint64> count(const QJsonValue &v)
{
    const auto d = nonNegative(v);
    if (!d)
        return std::nullopt;
    return qint64(std::llround(*d));
}

std::optional<double> ratio(const QJsonValue &v)
{
    const auto d = nonNegative(v);
    if (!d || *d > 1.0 + 1e-9)
        return std::nullopt;
    return d;
}

/// The fleet's autoscale advice; nullopt when it lacks the number or its reason.
std::optional<AutoscaleInfo> readAutoscale(const QJsonObject &o)
{
    namespace k = wire::key;
    const auto desired = count(o.value(k::DesiredWorkers));
    const auto reason = autoscaleReasonFromWire(o.value(k::Reason).toString());
    if (!desired || !reason || *desired > 100'000)
        return std::nullopt;
    AutoscaleInfo a;
    a.desiredWorkers = *desired;
    a.reason = *reason;
    a.liveWorkers = std::min<qint64>(count(o.value(k::LiveWorkers)).value_or(0), 100'000);
    a.backlog = count(o.value(k::Backlog)).value_or(0);
    a.inflowPerMinute = nonNegative(o.value(k::InflowPerMinute)).value_or(0);
    a.forecastBacklog = nonNegative(o.value(k::ForecastBacklog)).value_or(0);
    a.targetDrainSeconds = nonNegative(o.value(k::TargetDrainSeconds)).value_or(0);
    a.drainSecondsLeft = nonNegative(o.value(k::DrainSecondsLeft)).value_or(a.targetDrainSeconds);
    a.ratePerWorker = nonNegative(o.value(k::RatePerWorker));
    a.uncappedWorkers = count(o.value(k::UncappedWorkers)).value_or(0);
    a.capWorkers = count(o.value(k::CapWorkers));
    a.capSource = plainServerText(o.value(k::CapSource).toString(), 64);
    a.capQuotaPerMinute = nonNegative(o.value(k::CapQuotaPerMinute));
    for (const QJsonValue &v : o.value(k::OpenSources).toArray())
        if (v.isString() && a.openSources.size() < 64)
            a.openSources << plainServerText(v.toString(), 64);
    a.minWorkers = count(o.value(k::MinWorkers)).value_or(0);
    a.maxWorkers = count(o.value(k::MaxWorkers)).value_or(0);
    return a;
}

QDateTime isoTime(const QJsonValue &v)
{
    return v.isString() ? wire::parseTime(v.toString()) : QDateTime();
}

void readQueue(const QJsonObject &queue, std::array<std::optional<qint64>, TrackStatusCount> *out)
{
    for (std::size_t i = 0; i < TrackStatusCount; ++i)
        (*out)[i] = count(queue.value(toWire(TrackStatus(i))));
}

const QStringList &pipelineOrder()
{
    static const QStringList order = enrichment::defaultSourceNames();
    return order;
}
} // namespace

std::optional<Snapshot> SnapshotParser::parseSnapshot(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error =
            QStringLiteral("malformed JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("malformed document: expected a JSON object");
        return std::nullopt;
    }
    return parseSnapshot(doc.object(), error);
}

namespace {

/// One source: its breaker, health and figures, each as far as the document has them.
SourceInfo readSource(const QString &name, const QJsonValue &bv, const QJsonValue &healthValue,
                      const QJsonObject &ext)
{
    SourceInfo src;
    src.name = name.left(64);
    if (bv.isObject()) {
        const QJsonObject b = bv.toObject();
        BreakerInfo info;
        info.state = breakerStateFromWire(b.value(wire::key::State).toString());
        info.failureCount = count(b.value(wire::key::FailureCount));
        info.lastFailureTime = nonNegative(b.value(wire::key::LastFailureTime));
        info.lastFailureReported = b.contains(wire::key::LastFailureTime);
        info.nextProbeInSeconds = nonNegative(b.value(wire::key::NextProbeInSeconds));
        info.nextProbeReported = b.contains(wire::key::NextProbeInSeconds);
        info.failureThreshold = count(b.value(wire::key::FailureThreshold));
        info.successThreshold = count(b.value(wire::key::SuccessThreshold));
        info.timeoutSeconds = nonNegative(b.value(wire::key::TimeoutSeconds));
        if (const QJsonValue a = b.value(wire::key::NeedsAttention); a.isBool())
            info.needsAttention = a.toBool();
        info.reopens = count(b.value(wire::key::Reopens));
        info.reopenLimit = count(b.value(wire::key::ReopenLimit));
        if (const QJsonValue w = b.value(wire::key::Workers); w.isObject()) {
            QMap<QString, BreakerState> workers;
            const QJsonObject states = w.toObject();
            for (auto it = states.begin();
                 it != states.end() && workers.size() < SnapshotParser::MaxWorkers; ++it)
                if (const auto state = breakerStateFromWire(it.value().toString()))
                    workers.insert(plainServerText(it.key(), 128), *state);
            info.workers = workers;
        }
        src.breaker = info;
    }
    src.health = sourceHealthFromWire(healthValue.toString());
    src.successRate1h = ratio(ext.value(wire::key::SuccessRate1h));
    src.successRate24h = ratio(ext.value(wire::key::SuccessRate24h));
    const QJsonValue lat = ext.value(wire::key::LatencySeconds);
    if (lat.isObject()) {
        LatencyInfo l;
        l.p50 = nonNegative(lat.toObject().value(wire::key::P50));
        l.p95 = nonNegative(lat.toObject().value(wire::key::P95));
        l.p99 = nonNegative(lat.toObject().value(wire::key::P99));
        l.windowSeconds = count(lat.toObject().value(wire::key::WindowSeconds));
        if (l.p50 || l.p95 || l.p99)
            src.latency = l;
    }
    const QJsonValue rl = ext.value(wire::key::RateLimit);
    if (rl.isObject()) {
        const auto limit = nonNegative(rl.toObject().value(wire::key::Limit));
        const auto remaining = nonNegative(rl.toObject().value(wire::key::Remaining));
        if (limit && remaining && *limit > 0)
            src.rateLimit =
                RateLimitInfo{*limit, std::min(*remaining, *limit),
                              nonNegative(rl.toObject().value(wire::key::ResetTimestamp))};
    }
    const QJsonObject errors = ext.value(wire::key::Errors).toObject();
    for (auto it = errors.begin(); it != errors.end() && src.errors.size() < 32; ++it)
        if (const auto c = count(it.value()))
            src.errors.insert(it.key().left(48), *c);
    const QJsonObject requests = ext.value(wire::key::Requests).toObject();
    for (auto it = requests.begin(); it != requests.end() && src.requestsByStatus.size() < 32; ++it)
        if (const auto c = count(it.value()))
            src.requestsByStatus.insert(it.key().left(48), *c);
    src.figures = !ext.isEmpty();
    src.requests1h = count(ext.value(wire::key::Requests1h));
    src.trips = count(ext.value(wire::key::TripsTotal));
    return src;
}

std::optional<CacheInfo> readCache(const QJsonValue &cache)
{
    if (!cache.isObject())
        return std::nullopt;
    const QJsonObject c = cache.toObject();
    CacheInfo info{count(c.value(wire::key::Hits)), count(c.value(wire::key::Misses)),
                   count(c.value(wire::key::Sets)), count(c.value(wire::key::Errors)),
                   ratio(c.value(wire::key::HitRatio))};
    if (info.hits || info.misses || info.sets || info.errors)
        return info;
    return std::nullopt;
}

std::optional<CoverageInfo> readCoverage(const QJsonValue &coverage)
{
    if (!coverage.isObject())
        return std::nullopt;
    CoverageInfo info;
    info.tracksEnriched = count(coverage.toObject().value(wire::key::TracksEnriched));
    const QJsonObject fields = coverage.toObject().value(wire::key::Fields).toObject();
    for (auto it = fields.begin(); it != fields.end() && info.fields.size() < 64; ++it) {
        const QJsonObject f = it.value().toObject();
        if (const auto c = count(f.value(wire::key::Count)))
            info.fields << FieldCoverage{it.key().left(48), *c, ratio(f.value(wire::key::Ratio))};
    }
    if (info.tracksEnriched || !info.fields.isEmpty())
        return info;
    return std::nullopt;
}

/// One worker of the fleet, named @p id.
FleetWorker readWorker(const QJsonObject &w, const QString &id)
{
    FleetWorker fw;
    fw.id = id;
    fw.host = plainServerText(w.value(wire::key::Host).toString(), 128);
    fw.started = isoTime(w.value(wire::key::Started));
    fw.lastSeen = isoTime(w.value(wire::key::LastSeen));
    fw.state = fleetWorkerStateFromWire(w.value(wire::key::State).toString());
    fw.currentBatch = count(w.value(wire::key::CurrentBatch));
    fw.batchesCompleted = count(w.value(wire::key::BatchesCompleted));
    fw.tracksPerMinute = nonNegative(w.value(wire::key::TracksPerMinute));
    fw.lastBatch = isoTime(w.value(wire::key::LastBatch));
    const QJsonObject breakers = w.value(wire::key::CircuitBreakers).toObject();
    for (auto it = breakers.begin();
         it != breakers.end() && fw.breakers.size() < SnapshotParser::MaxSources; ++it) {
        if (const auto state = breakerStateFromWire(it.value().toString()))
            fw.breakers.insert(it.key().left(64), *state);
    }
    return fw;
}

} // namespace

std::optional<Snapshot> SnapshotParser::parseSnapshot(const QJsonObject &o, QString *error)
{
    bool any = false;
    for (QLatin1String k : wire::SeedSnapshotKeys)
        any = any || o.value(k).isObject();
    if (!any) {
        QStringList names;
        for (QLatin1String k : wire::SeedSnapshotKeys)
            names << k;
        *error = QStringLiteral("not an enrichment monitoring document (no %1 or %2 object)")
                     .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
        return std::nullopt;
    }

    Snapshot s;
    s.timestamp = isoTime(o.value(wire::key::Timestamp));
    if (const auto v = number(o.value(wire::key::SchemaVersion)))
        s.schemaVersion = int(*v);
    readQueue(o.value(wire::key::Queue).toObject(), &s.queue);
    const QJsonObject rate = o.value(wire::key::ProcessingRate).toObject();
    s.completedLastHour = count(rate.value(wire::key::CompletedLastHour));
    s.perMinute = nonNegative(rate.value(wire::key::PerMinute));
    s.rateWindowSeconds = count(rate.value(wire::key::RateWindowSeconds));
    s.enqueuedPerMinute = nonNegative(rate.value(wire::key::EnqueuedPerMinute));
    s.oldestPendingSeconds = nonNegative(rate.value(wire::key::OldestPendingSeconds));
    const QJsonObject metrics = o.value(wire::key::Metrics).toObject();
    if (!s.perMinute)
        s.perMinute = nonNegative(metrics.value(wire::key::QueueProcessingRate));
    s.tracksInProgress = count(metrics.value(wire::key::TracksInProgress));

    const QJsonObject breakers = o.value(wire::key::CircuitBreakers).toObject();
    const QJsonObject health = o.value(wire::key::SourceHealth).toObject();
    const QJsonObject sources = o.value(wire::key::Sources).toObject();
    QStringList names;
    for (const QString &n : pipelineOrder())
        if (breakers.contains(n) || health.contains(n) || sources.contains(n))
            names << n;
    QStringList others;
    for (const QJsonObject *obj : {&breakers, &health, &sources})
        for (const QString &k : obj->keys())
            if (!names.contains(k) && !others.contains(k) && !k.isEmpty())
                others << k;
    others.sort();
    names += others;
    if (names.size() > SnapshotParser::MaxSources) {
        s.sourcesNotShown = int(names.size()) - SnapshotParser::MaxSources;
        names = names.mid(0, SnapshotParser::MaxSources);
    }

    for (const QString &name : std::as_const(names)) {
        s.sources << readSource(name, breakers.value(name), health.value(name),
                                sources.value(name).toObject());
    }

    // Providers that are off: names only, never one that is also on, at most MaxSources.
    for (const QJsonValue &v : o.value(wire::key::SourcesOff).toArray()) {
        const QString name = plainServerText(v.toString(), 64);
        if (!name.isEmpty() && !names.contains(name) && !s.sourcesOff.contains(name) &&
            s.sourcesOff.size() < SnapshotParser::MaxSources)
            s.sourcesOff << name;
    }

    s.cache = readCache(o.value(wire::key::Cache));
    s.coverage = readCoverage(o.value(wire::key::FieldCoverage));
    const QJsonObject service = o.value(wire::key::Service).toObject();
    s.serviceVersion = service.value(wire::key::Version).toString().left(32);
    s.workerId = plainServerText(service.value(wire::key::WorkerId).toString(), 128);
    s.service.uptimeSeconds = nonNegative(service.value(wire::key::UptimeSeconds));
    s.service.batchSize = count(service.value(wire::key::BatchSize));
    s.service.batchesCompleted = count(service.value(wire::key::BatchesCompleted));
    s.service.leaseSeconds = nonNegative(service.value(wire::key::LeaseSeconds));
    if (const QJsonValue p = o.value(wire::key::Pipeline); p.isObject()) {
        Snapshot::Pipeline pipeline;
        pipeline.paused = p.toObject().value(wire::key::Paused).toBool();
        for (const QJsonValue &v : p.toObject().value(wire::key::PausedSources).toArray())
            if (v.isString() && pipeline.pausedSources.size() < MaxSources)
                pipeline.pausedSources << plainServerText(v.toString(), 64);
        s.pipeline = pipeline;
    }
    if (const QJsonValue a = o.value(wire::key::Autoscale); a.isObject())
        s.autoscale = readAutoscale(a.toObject());
    if (const QJsonValue workers = o.value(wire::key::Workers); workers.isArray()) {
        QList<FleetWorker> list;
        const QJsonArray array = workers.toArray();
        for (const QJsonValue &v : array) {
            const QJsonObject w = v.toObject();
            const QString id = plainServerText(w.value(wire::key::Id).toString(), 128);
            if (id.isEmpty())
                continue;
            if (list.size() >= MaxWorkers) {
                ++s.workersNotShown;
                continue;
            }
            list.append(readWorker(w, id));
        }
        s.workers = list;
    }
    return s;
}

std::optional<QList<HistoryPoint>> SnapshotParser::parseHistory(const QByteArray &json,
                                                                QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = pe.error != QJsonParseError::NoError
                     ? QStringLiteral("malformed JSON: %1").arg(pe.errorString())
                     : QStringLiteral("malformed document: expected a JSON object");
        return std::nullopt;
    }
    const QJsonValue samples = doc.object().value(wire::key::Samples);
    if (!samples.isArray()) {
        *error = QStringLiteral("history document has no samples array");
        return std::nullopt;
    }
    QList<HistoryPoint> out;
    for (const QJsonValue &v : samples.toArray()) {
        const QJsonObject o = v.toObject();
        HistoryPoint p;
        p.timestamp = isoTime(o.value(wire::key::Timestamp));
        if (!p.timestamp.isValid())
            continue;
        readQueue(o.value(wire::key::Queue).toObject(), &p.queue);
        p.perMinute =
            nonNegative(o.value(wire::key::ProcessingRate).toObject().value(wire::key::PerMinute));
        out << p;
    }
    return out;
}

HistoryPoint SnapshotParser::pointFrom(const Snapshot &s)
{
    HistoryPoint p;
    p.timestamp = s.timestamp;
    p.queue = s.queue;
    p.perMinute = s.perMinute;
    return p;
}

} // namespace enrichment
