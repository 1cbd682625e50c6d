// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceRuntime.h"

#include <cmath>

#include <QLoggingCategory>

#include "CircuitBreaker.h"
#include "FleetStats.h"
#include "PipelineMetrics.h"
#include "Pipeline.h"
#include "enrichment/Clock.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/QueueStore.h"
#include "enrichment/WireFormat.h"

Q_DECLARE_LOGGING_CATEGORY(lcService)

namespace enrichment {

ServiceRuntime::ServiceRuntime(const BackendOptions &options, const Clock &clock, QueueStore &store,
                               PipelineMetrics &monitor, Pipeline &pipeline, QObject *parent)
    : QObject(parent), m_options(options), m_clock(clock), m_store(store), m_monitor(monitor),
      m_pipeline(pipeline), m_history(options.historyCapacity)
{
    m_uptime.start();
    connect(&m_historyTimer, &QTimer::timeout, this, &ServiceRuntime::sampleHistory);
    connect(&m_tickTimer, &QTimer::timeout, this, &ServiceRuntime::tick);
    connect(&m_reconcileTimer, &QTimer::timeout, this, [this] {
        if (m_store.reconcile())
            qCWarning(lcService) << "queue counts had drifted from the table; reconciled";
    });
    connect(&m_store, &QueueStore::countsChanged, this, [this] {
        for (TrackStatus s : AllTrackStatuses)
            m_monitor.setQueueDepth(s, m_store.count(s));
    });
}

ServiceRuntime::~ServiceRuntime() = default;

void ServiceRuntime::start()
{
    // Breaker commands given before this worker started are history, not orders.
    const PipelineControl control = m_store.control(); // a copy: iterate one container
    for (auto it = control.breakerCommands.cbegin(); it != control.breakerCommands.cend(); ++it)
        m_appliedBreakerCommands.insert(it.key(), it->sequence);
    for (TrackStatus s : AllTrackStatuses)
        m_monitor.setQueueDepth(s, m_store.count(s));
    if (m_options.demo.seedTracks > 0)
        enqueueDemoTracks(m_options.demo.seedTracks);
    topUp();
    sampleHistory();
    if (m_options.historyIntervalMs > 0)
        m_historyTimer.start(m_options.historyIntervalMs);
    if (m_options.reconcileIntervalMs > 0)
        m_reconcileTimer.start(m_options.reconcileIntervalMs);
    if (m_options.tickIntervalMs > 0)
        m_tickTimer.start(m_options.tickIntervalMs);
}

void ServiceRuntime::stop()
{
    m_historyTimer.stop();
    m_reconcileTimer.stop();
}

void ServiceRuntime::batchFinished(int success)
{
    m_ownCompletions.add(m_clock.nowMs(), success);
    refreshGauges();
}

int ServiceRuntime::enqueueDemoTracks(int n)
{
    QStringList ids;
    ids.reserve(n);
    const qint64 stamp = m_clock.nowMs();
    for (int i = 0; i < n; ++i)
        ids << QStringLiteral("demo-%1-%2").arg(stamp).arg(++m_demoCounter);
    return m_store.enqueue(ids);
}

void ServiceRuntime::topUp()
{
    const int keep = m_options.demo.keepPending;
    if (keep <= 0)
        return;
    const qint64 pending = m_store.count(TrackStatus::Pending);
    if (pending < keep / 2)
        enqueueDemoTracks(int(keep - pending));
}

int ServiceRuntime::rateWindowSeconds() const
{
    // The last five minutes, or the time since start when shorter (at least 10 s): a
    // window longer than the time measured would count the time before start as idle.
    return int(std::clamp<qint64>(m_uptime.elapsed() / 1000, 10, 300));
}

double ServiceRuntime::perMinute() const
{
    // Tracks per minute over rateWindowSeconds().
    const int window = rateWindowSeconds();
    const double rate = double(m_store.completedInLast(window)) * 60.0 / window;
    return std::round(rate * 100.0) / 100.0;
}

double ServiceRuntime::ownTracksPerMinute(qint64 nowMs) const
{
    const int window = int(std::clamp<qint64>(m_uptime.elapsed() / 1000, 60, 300));
    return double(m_ownCompletions.countLast(nowMs, window)) * 60.0 / window;
}

void ServiceRuntime::refreshGauges()
{
    m_monitor.setProcessingRate(perMinute());
    m_monitor.setQueueFlow(m_oldestPendingMs
                               ? double(std::max<qint64>(0, m_clock.nowMs() - *m_oldestPendingMs)) /
                                     1000.0
                               : 0.0,
                           m_flow.enqueuedPerMinute().value_or(0.0));
    for (TrackStatus s : AllTrackStatuses)
        m_monitor.setQueueDepth(s, m_store.count(s));
    for (int i = 0; i < m_pipeline.sourceCount(); ++i) {
        const int mi = m_monitor.sourceIndex(m_pipeline.source(i)->name());
        if (mi < 0)
            continue;
        const RateLimitState rl = m_pipeline.source(i)->rateLimit();
        m_monitor.setRateLimit(mi, rl.remaining, rl.limit, double(rl.resetAtMs) / 1000.0);
    }
}

void ServiceRuntime::tick()
{
    // Time-driven transitions happen here, never inside a read: an open breaker whose
    // timeout passed becomes half_open (and the room hears of it).
    for (int i = 0; i < m_pipeline.sourceCount(); ++i)
        m_pipeline.breaker(i)->advance();
    m_store.refresh(); // a shared store's fleet figures, read here and not in a request
    m_flow.sample(m_clock.nowMs(), m_store.counts());
    m_oldestPendingMs = m_store.oldestPendingMs();
    applyControl(); // what operators of the fleet ordered through another backend
    refreshGauges();
    Q_EMIT ticked();
}

void ServiceRuntime::sampleHistory()
{
    refreshGauges();
    HistorySample s;
    s.timestampMs = m_clock.nowMs();
    s.queue = m_store.counts();
    s.perMinute = perMinute();
    s.completedLastHour = m_store.completedInLast(3600);
    s.inProgress = m_pipeline.tracksInFlight();
    for (int i = 0; i < m_pipeline.sourceCount(); ++i) {
        HistorySample::Source src;
        const int mi = m_monitor.sourceIndex(m_pipeline.source(i)->name());
        const BreakerState st = m_pipeline.breaker(i)->currentState();
        src.breakerState = qint8(st);
        src.health = qint8(healthForBreaker(st));
        if (mi >= 0) {
            const SourceWindow w = m_monitor.sourceWindow(mi);
            for (std::size_t k = 0; k < RequestStatusCount; ++k)
                src.requests += m_monitor.requestCount(mi, RequestStatus(k));
            src.errors = m_monitor.requestCount(mi, RequestStatus::Error);
            src.successRate1h = w.successRate1h;
            src.p95 = w.p95;
        }
        const RateLimitState rl = m_pipeline.source(i)->rateLimit();
        if (rl.limit > 0) {
            src.rateRemaining = rl.remaining;
            src.rateLimit = rl.limit;
        }
        s.sources.push_back(src);
    }
    m_history.append(std::move(s));
}

void ServiceRuntime::ownSources(SnapshotState *st) const
{
    for (int i = 0; i < m_pipeline.sourceCount(); ++i) {
        const CircuitBreaker *b = m_pipeline.breaker(i);
        SnapshotState::Source src;
        src.name = m_pipeline.source(i)->name();
        src.state = b->currentState();
        src.failureCount = b->failureCount();
        src.lastFailureMs = b->lastFailureMs();
        src.msUntilHalfOpen = b->msUntilHalfOpen();
        src.needsAttention = b->needsAttention();
        src.reopens = b->reopens();
        src.breaker = b->config();
        src.rateLimit = m_pipeline.source(i)->rateLimit();
        src.quotaPerMinute = m_pipeline.source(i)->fleetQuotaPerMinute();
        const int mi = m_monitor.sourceIndex(src.name);
        src.monitored = mi >= 0;
        if (src.monitored) {
            src.window = m_monitor.sourceWindow(mi);
            for (std::size_t k = 0; k < RequestStatusCount; ++k)
                src.requests[k] = m_monitor.requestCount(mi, RequestStatus(k));
            for (std::size_t k = 0; k < ErrorTypeCount; ++k)
                src.errors[k] = m_monitor.errorCount(mi, ErrorType(k));
            src.trips = m_monitor.tripCount(mi);
        }
        st->sources.append(src);
    }
    for (std::size_t k = 0; k < CacheOperationCount; ++k)
        st->cache[k] = m_monitor.cacheCount(CacheOperation(k));
    st->tracksEnriched = m_monitor.tracksProcessed();
    for (int f = 0; f < metadataFieldNames().size(); ++f)
        st->fieldCounts.append(m_monitor.fieldCount(f));
}

qint64 ServiceRuntime::workerLostAfterMs() const
{
    return 3 * qint64(std::max(m_options.heartbeatIntervalMs, 1000));
}

SnapshotState ServiceRuntime::snapshotState(const std::optional<QList<WorkerInfo>> &workers,
                                            bool relay) const
{
    SnapshotState st;
    st.nowMs = m_clock.nowMs();
    st.queue = m_store.counts();
    st.completedLastHour = m_store.completedInLast(3600);
    st.perMinute = perMinute();
    st.rateWindowSeconds = rateWindowSeconds();
    st.enqueuedPerMinute = m_flow.enqueuedPerMinute();
    if (m_oldestPendingMs && st.queue[std::size_t(TrackStatus::Pending)] > 0)
        st.oldestPendingSeconds =
            double(std::max<qint64>(0, st.nowMs - *m_oldestPendingMs)) / 1000.0;
    st.tracksInProgress = m_pipeline.tracksInFlight();
    ownSources(&st);
    st.sourcesOff = m_sourcesOff;
    st.version = QStringLiteral(ENRICHMENT_VERSION);
    st.uptimeSeconds = uptimeSeconds();
    st.batchSize = m_pipeline.config().batchSize;
    st.batchesCompleted = m_pipeline.batchesCompleted();
    st.leaseSeconds = double(m_store.config().leaseMs) / 1000.0;
    st.workerId = m_store.workerId();
    st.control = m_store.control();
    st.workers = workers;
    st.autoscale = m_autoscale;
    st.workerLostAfterMs = workerLostAfterMs();
    st.activeWithinMs = st.workerLostAfterMs;
    if (workers) {
        if (relay)
            st.fleetBreakers = fleetBreakers(*workers, st.nowMs, st.workerLostAfterMs);
        // A shared queue's figures are the fleet's: this process's own, live, and every
        // other live worker's from its last heartbeat.
        mergeFleetStats(&st, WorkerStats::fromSnapshot(st), st.workerId, *workers,
                        st.workerLostAfterMs);
    }
    return st;
}

QJsonObject ServiceRuntime::history(int minutes) const
{
    HistoryState st;
    st.nowMs = m_clock.nowMs();
    st.minutes = minutes;
    st.intervalSeconds = double(m_options.historyIntervalMs) / 1000.0;
    st.sourceNames = m_monitor.sources();
    st.ring = &m_history;
    return writeHistory(st);
}

void ServiceRuntime::updateAutoscale(const std::optional<QList<WorkerInfo>> &workers, bool relay)
{
    const SnapshotState st = snapshotState(workers, relay);
    AutoscaleInput in;
    in.pending = st.queue[std::size_t(TrackStatus::Pending)];
    in.inProgress = st.queue[std::size_t(TrackStatus::InProgress)];
    in.inflowPerMinute = m_flow.steadyPerMinute().value_or(0);
    in.paused = st.control.paused;
    // The target counts from when this backlog began.
    if (in.pending + in.inProgress <= 0)
        m_backlogSinceMs.reset();
    else if (!m_backlogSinceMs)
        m_backlogSinceMs = st.nowMs;
    in.drainingForSeconds =
        m_backlogSinceMs ? double(std::max<qint64>(0, st.nowMs - *m_backlogSinceMs)) / 1000.0 : 0;
    in.tracksProcessed = st.tracksEnriched;
    // Live: neither stopped nor lost; a backend of its own is its one worker.
    QMap<QString, bool> open;
    if (workers) {
        for (const WorkerInfo &w : *workers) {
            if (w.stopped || st.nowMs - w.lastSeenMs > st.workerLostAfterMs)
                continue;
            ++in.liveWorkers;
            for (auto it = w.breakers.cbegin(); it != w.breakers.cend(); ++it)
                if (it.value() == BreakerState::Open)
                    open.insert(it.key(), true);
        }
    } else {
        in.liveWorkers = m_options.runPipeline ? 1 : 0;
    }
    for (const SnapshotState::Source &s : st.sources) {
        AutoscaleInput::Source src;
        src.name = s.name;
        // A relay's own rows carry the fleet's worst state; a worker's, its own (its heartbeat
        // row may be a few seconds behind).
        src.open = open.value(s.name) || s.state == BreakerState::Open;
        src.quotaPerMinute = s.quotaPerMinute;
        for (qint64 n : s.requests)
            src.requests += n;
        in.sources << src;
    }
    // A worker's pace is measured only while every live worker had work (a batch each
    // waiting) and nothing held it back; otherwise the last measurement stands.
    const bool saturated = in.pending >= qint64(std::max(1, in.liveWorkers)) *
                                             std::max(1, m_pipeline.config().batchSize) &&
                           !in.paused && open.isEmpty() &&
                           std::none_of(in.sources.cbegin(), in.sources.cend(),
                                        [](const AutoscaleInput::Source &s) { return s.open; });
    m_autoscaleMeter.sample(st.nowMs, in.liveWorkers, saturated);
    in.ratePerWorker = m_autoscaleMeter.update(
        st.nowMs, m_store.completedInLast(m_autoscaleMeter.window(st.nowMs)));
    m_autoscale = decideWorkers(in, m_options.autoscale);
    m_monitor.setWorkers(double(m_autoscale->desiredWorkers), double(in.liveWorkers));
}

void ServiceRuntime::applyControl()
{
    const PipelineControl control = m_store.control();
    for (int i = 0; i < m_pipeline.sourceCount(); ++i) {
        const QString name = m_pipeline.source(i)->name();
        const auto cmd = control.breakerCommands.constFind(name);
        if (cmd == control.breakerCommands.cend() ||
            cmd->sequence <= m_appliedBreakerCommands.value(name))
            continue;
        m_appliedBreakerCommands.insert(name, cmd->sequence);
        CircuitBreaker *b = m_pipeline.breaker(i);
        const bool changed = cmd->action == wire::action::Close ? b->forceClose() : b->probeNow();
        qCInfo(lcService).noquote() << "operator breaker command" << cmd->action << "for" << name
                                    << (changed ? "carried out" : "changed nothing");
    }
}

} // namespace enrichment
