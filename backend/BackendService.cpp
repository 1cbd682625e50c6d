// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/BackendService.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostInfo>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>

#include "AmqpBus.h"
#include "BusRelay.h"
#include "CircuitBreaker.h"
#include "HistoryRing.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/Clock.h"
#include "Monitor.h"
#include "MonitoringServer.h"
#include "Operations.h"
#include "Pipeline.h"
#include "RoomPublisher.h"
#include "enrichment/QueueStore.h"
#include "SimulatedSource.h"
#include "DocumentWriter.h"
#include "FleetStats.h"
#include "QueueFlow.h"
#include "ThroughputWindow.h"
#include "Tls.h"
#include "enrichment/WireFormat.h"

Q_LOGGING_CATEGORY(lcService, "enrichment.backend.service")

namespace enrichment {

BackendService::BackendService(const BackendOptions &options, const Clock *clock, QObject *parent)
    : QObject(parent), m_options(options),
      m_history(std::make_unique<HistoryRing>(options.historyCapacity)),
      m_ownCompletions(std::make_unique<ThroughputWindow>()), m_flow(std::make_unique<QueueFlow>())
{
    if (!clock) {
        m_ownClock = std::make_unique<SystemClock>();
        clock = m_ownClock.get();
    }
    m_clock = clock;
    m_uptime.start();
    MonitoringServer::Config sc;
    sc.address = options.bind;
    sc.port = options.port;
    sc.viewers = options.viewerTokens;
    sc.operators = options.operatorTokens;
    if (!options.token.isEmpty())
        sc.operators.prepend(Credential{QStringLiteral("token"), options.token});
    sc.pingIntervalMs = options.pingIntervalMs;
    sc.maxClientBufferBytes = options.maxClientBufferBytes;
    sc.maxRequestBytes = options.maxRequestBytes;
    sc.idleTimeoutMs = options.idleTimeoutMs;
    sc.requestTimeoutMs = options.requestTimeoutMs;
    sc.maxConnections = options.maxConnections;
    sc.allowedOrigins = options.allowedOrigins;
    sc.pushSnapshots = options.pushSnapshots;
    sc.clock = m_clock;
    m_server = std::make_unique<MonitoringServer>(*this, sc);

    connect(&m_historyTimer, &QTimer::timeout, this, &BackendService::sampleHistory);
    connect(&m_tickTimer, &QTimer::timeout, this, &BackendService::tick);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] { heartbeat(); });
    m_publisher = std::make_unique<RoomPublisher>(
        *m_server, [this] { return snapshot(); }, options.pushSnapshots);
    connect(&m_reconcileTimer, &QTimer::timeout, this, [this] {
        if (m_store && m_store->reconcile())
            qCWarning(lcService) << "queue counts had drifted from the table; reconciled";
    });
}

BackendService::~BackendService()
{
    stop();
    m_bus.reset(); // joins its threads before the publisher it feeds goes
    m_busRelay.reset();
    // The publisher refers to the server, the server to this provider: destroy them first.
    m_publisher.reset();
    m_server.reset();
    m_pipeline.reset();
}

void BackendService::buildPipeline()
{
    std::vector<std::unique_ptr<EnrichmentSource>> sources = std::move(m_customSources);
    m_customSources.clear();
    CircuitBreaker::Config bc;
    bc.timeoutMs = m_options.breakerTimeoutMs;
    bc.failureThreshold = std::max(1, m_options.breakerFailureThreshold);
    Pipeline::Config pc;
    pc.batchSize = m_options.batchSize;
    pc.timeScale = m_options.timeScale;
    pc.batchIntervalMs = m_options.batchIntervalMs;
    m_pipeline =
        std::make_unique<Pipeline>(*m_store, *m_monitor, *m_clock, std::move(sources), bc, pc);

    connect(m_pipeline.get(), &Pipeline::batchStarted, this,
            [this](int size, int number, qint64 total) {
                m_publisher->batchStarted(size, number, total);
                Q_EMIT batchStarted(size, number, total);
            });
    connect(m_pipeline.get(), &Pipeline::batchCompleted, this,
            [this](int size, int success, int number) {
                m_ownCompletions->add(m_clock->nowMs(), success);
                Q_EMIT batchCompleted(size, success, number); // embedders first, then clients
                refreshGauges();
                m_publisher->batchCompleted(size, success, number);
                topUp();
            });
    connect(m_pipeline.get(), &Pipeline::breakerStateChanged, m_publisher.get(),
            &RoomPublisher::breakerChanged);
}

void BackendService::setSources(std::vector<std::unique_ptr<EnrichmentSource>> sources)
{
    m_customSources = std::move(sources);
}

void BackendService::setStore(std::unique_ptr<QueueStore> store)
{
    m_customStore = std::move(store);
}

QString BackendService::defaultDatabasePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return dir + QStringLiteral("/enrichment-monitor/enrichment-queue.sqlite");
}

bool BackendService::start(QString *error)
{
    if (m_store)
        return true; // already started
    if (m_customStore) {
        m_store = std::move(m_customStore);
    } else {
        const QString spec =
            m_options.databasePath.isEmpty() ? defaultDatabasePath() : m_options.databasePath;
        QueueStore::Config qc;
        qc.leaseMs = m_options.leaseMs;
        qc.workerId = m_options.workerId;
        qc.retryBackoffMs = m_options.retryBackoffMs;
        qc.password = m_options.databasePassword;
        m_store = openQueueStore(spec, *m_clock, qc, error);
        if (!m_store)
            return false;
    }
    if (m_options.relay) {
        if (!m_store->sharedByWorkers() || m_options.amqpUrl.isEmpty()) {
            *error = QStringLiteral("a relay needs the fleet's PostgreSQL queue (--database "
                                    "postgresql://...) and its broker (--amqp amqp://...)");
            return false;
        }
        m_customSources.clear(); // a relay asks no source
        m_options.runPipeline = false;
        m_options.seedTracks = 0;
        m_options.keepPending = 0;
    } else if (m_customSources.empty()) {
        for (SimulatedSource::Profile p : SimulatedSource::defaultProfiles()) {
            p.quota = qint64(std::llround(double(p.quota) * m_options.quotaScale));
            for (qint64 *ms : {&p.outagePeriodMs, &p.outageOffsetMs, &p.outageDurationMs})
                *ms = qint64(std::llround(double(*ms) * m_options.outageScale));
            m_customSources.push_back(
                std::make_unique<SimulatedSource>(p, *m_clock, m_options.randomSeed));
        }
    }
    QStringList names;
    for (const auto &src : m_customSources)
        names << src->name();
    m_monitor = std::make_unique<Monitor>(names, *m_clock, QStringLiteral(ENRICHMENT_VERSION),
                                          m_store->name());
    connect(m_store.get(), &QueueStore::countsChanged, this, [this] {
        for (TrackStatus s : AllTrackStatuses)
            m_monitor->setQueueDepth(s, m_store->count(s));
    });
    buildPipeline();
    // Breaker commands given before this worker started are history, not orders.
    const PipelineControl control = m_store->control(); // a copy: iterate one container
    for (auto it = control.breakerCommands.cbegin(); it != control.breakerCommands.cend(); ++it)
        m_appliedBreakerCommands.insert(it.key(), it->sequence);
    Operations::Hooks hooks;
    hooks.sources = [this] {
        return sourceNames();
    };
    hooks.controlChanged = [this] {
        applyControl();
        m_publisher->controlChanged();
    };
    hooks.announce = [this](const QJsonObject &event) {
        m_publisher->operatorAction(event);
    };
    m_operations = std::make_unique<Operations>(*m_store, *m_monitor, std::move(hooks));
    for (TrackStatus s : AllTrackStatuses)
        m_monitor->setQueueDepth(s, m_store->count(s));
    if (m_options.seedTracks > 0)
        enqueueDemoTracks(m_options.seedTracks);
    topUp();
    if (!m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty()) {
        QSslConfiguration tls;
        if (m_options.tlsCertificateFile.isEmpty() || m_options.tlsKeyFile.isEmpty()) {
            *error = QStringLiteral("TLS needs both a certificate and a private key");
            return false;
        }
        if (!loadServerTls(m_options.tlsCertificateFile, m_options.tlsKeyFile, &tls, error))
            return false;
        m_server->setTls(tls);
    }
    if (!m_server->listen(error))
        return false;
    const bool anyToken = !m_options.token.isEmpty() || !m_options.viewerTokens.isEmpty() ||
                          !m_options.operatorTokens.isEmpty();
    if (!m_options.bind.isLoopback() && !anyToken)
        qCWarning(lcService).noquote()
            << "serving /monitoring/* and /ws on" << m_options.bind.toString()
            << "without a token: anyone who can reach the port can read them"
            << "(set --token-file or ENRICHMENT_MONITOR_TOKEN)";
    if (!m_options.bind.isLoopback() && m_options.token.isEmpty() &&
        m_options.operatorTokens.isEmpty())
        qCWarning(lcService).noquote()
            << "operator actions (retry, pause, resume, enqueue, breakers) are refused on"
            << m_options.bind.toString() << "without operator tokens"
            << "(set --operator-token-file)";
    if (!m_options.bind.isLoopback() && !m_server->usesTls())
        qCWarning(lcService).noquote()
            << "serving on" << m_options.bind.toString()
            << "without TLS: the token and the data cross the network in clear text"
            << "(set --tls-cert and --tls-key)";
    sampleHistory();
    if (m_options.historyIntervalMs > 0)
        m_historyTimer.start(m_options.historyIntervalMs);
    if (m_options.reconcileIntervalMs > 0)
        m_reconcileTimer.start(m_options.reconcileIntervalMs);
    if (m_options.tickIntervalMs > 0)
        m_tickTimer.start(m_options.tickIntervalMs);
    if (!m_options.amqpUrl.isEmpty() && !startBus(error))
        return false;
    m_startedMs = m_clock->nowMs();
    if (m_store->sharedByWorkers()) {
        if (!m_options.relay)
            heartbeat();
        m_workers = m_store->workers();
        if (m_options.heartbeatIntervalMs > 0 && !m_options.relay)
            m_heartbeatTimer.start(m_options.heartbeatIntervalMs);
    }
    if (m_options.runPipeline)
        m_pipeline->start();
    return true;
}

bool BackendService::startBus(QString *error)
{
    AmqpBus::Target target;
    if (!AmqpBus::parseUrl(m_options.amqpUrl, &target, error))
        return false;
    target.password =
        !m_options.amqpPassword.isEmpty()
            ? m_options.amqpPassword
            : qEnvironmentVariable("ENRICHMENT_AMQP_PASSWORD", target.user == QLatin1String("guest")
                                                                   ? QStringLiteral("guest")
                                                                   : QString());
    AmqpBus::Config busConfig;
    busConfig.maxMessageBytes = bus::MaxMessageBytes;
    busConfig.heartbeatSeconds = m_options.amqpHeartbeatSeconds;
    // The queue must outlive a restart to keep what was published meanwhile: named after
    // a worker id that was given, or the host for a relay (HOST:PID changes every start).
    busConfig.queue =
        !m_options.amqpQueue.isEmpty()  ? m_options.amqpQueue
        : !m_options.workerId.isEmpty() ? QStringLiteral("enrichment_events.") + m_options.workerId
        : m_options.relay ? QStringLiteral("enrichment_events.relay@") + QHostInfo::localHostName()
                          : QStringLiteral("enrichment_events.") + m_store->workerId();
    m_bus = std::make_unique<AmqpBus>(target, busConfig);
    m_publisher->setWorkerId(m_store->workerId());
    connect(m_publisher.get(), &RoomPublisher::published, m_bus.get(), &AmqpBus::publish);
    // What the exchange carries reaches the room only if a worker may have sent it.
    BusRelay::Config relay;
    relay.ownWorkerId = m_store->workerId();
    relay.publishers = m_options.amqpPublishers;
    if (relay.publishers.isEmpty() && target.user == QLatin1String("guest"))
        qCWarning(lcService) << "the event broker is used as guest: any process that can reach"
                                " it can publish events as any worker";
    m_busRelay =
        std::make_unique<BusRelay>(relay, *m_monitor, *m_clock, [this](const QString &text) {
            m_server->broadcastText(text);
            m_publisher->eventRelayed();
        });
    connect(m_bus.get(), &AmqpBus::messageReceived, m_busRelay.get(), &BusRelay::onMessage);
    connect(m_bus.get(), &AmqpBus::messageRefused, m_busRelay.get(), [this](qint64 bytes) {
        m_busRelay->onRefused(
            bus::DropReason::TooLarge,
            QStringLiteral("%1 bytes (limit %2)").arg(bytes).arg(bus::MaxMessageBytes));
    });
    connect(m_bus.get(), &AmqpBus::connectedChanged, this, [this](bool up) {
        if (up)
            qCInfo(lcService) << "event broker connected";
        else
            qCWarning(lcService).noquote() << "event broker unreachable:" << m_bus->lastError()
                                           << "(events are kept and sent once it is back)";
        m_monitor->setEventBus(m_bus->published(), m_bus->dropped(), up);
    });
    m_monitor->setEventBus(0, 0, false);
    m_bus->start();
    return true;
}

void BackendService::heartbeat(bool stopped)
{
    if (!m_store || !m_store->sharedByWorkers())
        return;
    WorkerInfo self;
    self.id = m_store->workerId();
    self.host = QHostInfo::localHostName();
    self.pid = QCoreApplication::applicationPid();
    self.startedMs = m_startedMs;
    self.lastSeenMs = m_clock->nowMs();
    self.currentBatch = m_pipeline ? m_pipeline->tracksInFlight() : 0;
    self.batches = m_pipeline ? m_pipeline->batchesCompleted() : 0;
    const int window = int(std::clamp<qint64>(m_uptime.elapsed() / 1000, 60, 300));
    self.tracksPerMinute =
        double(m_ownCompletions->countLast(self.lastSeenMs, window)) * 60.0 / window;
    self.stopped = stopped;
    if (m_pipeline) {
        for (int i = 0; i < m_pipeline->sourceCount(); ++i)
            self.breakers.insert(m_pipeline->source(i)->name(),
                                 m_pipeline->breaker(i)->currentState());
        self.lastBatchMs = m_pipeline->lastBatchMs();
        SnapshotState own;
        own.nowMs = self.lastSeenMs;
        ownSources(&own);
        self.stats = WorkerStats::fromSnapshot(own).toJson();
    }
    m_store->heartbeat(self);
}

void BackendService::stop()
{
    if (m_pipeline)
        m_pipeline->stop();
    m_historyTimer.stop();
    m_reconcileTimer.stop();
    if (m_heartbeatTimer.isActive()) {
        m_heartbeatTimer.stop();
        heartbeat(/*stopped*/ true); // the fleet sees a clean stop, not a lost worker
    }
}

quint16 BackendService::port() const
{
    return m_server->port();
}

QUrl BackendService::url() const
{
    QUrl u;
    u.setScheme(m_options.tlsCertificateFile.isEmpty() ? QStringLiteral("http")
                                                       : QStringLiteral("https"));
    const QHostAddress a = m_options.bind;
    u.setHost(a == QHostAddress::Any || a == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1")
                                                                   : a.toString());
    u.setPort(port());
    return u;
}

QUrl BackendService::listenUrl() const
{
    QUrl u;
    u.setScheme(m_options.tlsCertificateFile.isEmpty() ? QStringLiteral("http")
                                                       : QStringLiteral("https"));
    u.setHost(m_options.bind.toString());
    u.setPort(port());
    return u;
}

int BackendService::enqueue(const QStringList &trackIds)
{
    QStringList valid;
    valid.reserve(trackIds.size());
    qsizetype refused = 0;
    for (const QString &id : trackIds) {
        if (isValidTrackId(id))
            valid << id;
        else
            ++refused;
    }
    if (refused > 0)
        qCWarning(lcService).noquote()
            << "enqueue: refused" << refused << "track id(s):" << trackIdRule();
    return m_store->enqueue(valid);
}

int BackendService::enqueueDemoTracks(int n)
{
    QStringList ids;
    ids.reserve(n);
    const qint64 stamp = m_clock->nowMs();
    for (int i = 0; i < n; ++i)
        ids << QStringLiteral("demo-%1-%2").arg(stamp).arg(++m_demoCounter);
    return m_store->enqueue(ids);
}

void BackendService::topUp()
{
    if (m_options.keepPending <= 0)
        return;
    const qint64 pending = m_store->count(TrackStatus::Pending);
    if (pending < m_options.keepPending / 2)
        enqueueDemoTracks(int(m_options.keepPending - pending));
}

int BackendService::rateWindowSeconds() const
{
    // The last five minutes, or the time since start when shorter (at least 10 s): a
    // window longer than the time measured would count the time before start as idle.
    return int(std::clamp<qint64>(m_uptime.elapsed() / 1000, 10, 300));
}

double BackendService::perMinute() const
{
    // Tracks per minute over rateWindowSeconds().
    const int window = rateWindowSeconds();
    const double rate = double(m_store->completedInLast(window)) * 60.0 / window;
    return std::round(rate * 100.0) / 100.0;
}

void BackendService::refreshGauges()
{
    m_monitor->setProcessingRate(perMinute());
    m_monitor->setQueueFlow(
        m_oldestPendingMs
            ? double(std::max<qint64>(0, m_clock->nowMs() - *m_oldestPendingMs)) / 1000.0
            : 0.0,
        m_flow->enqueuedPerMinute().value_or(0.0));
    for (TrackStatus s : AllTrackStatuses)
        m_monitor->setQueueDepth(s, m_store->count(s));
    for (int i = 0; i < m_pipeline->sourceCount(); ++i) {
        const int mi = m_monitor->sourceIndex(m_pipeline->source(i)->name());
        if (mi < 0)
            continue;
        const RateLimitState rl = m_pipeline->source(i)->rateLimit();
        m_monitor->setRateLimit(mi, rl.remaining, rl.limit, double(rl.resetAtMs) / 1000.0);
    }
}

void BackendService::tick()
{
    if (!m_pipeline)
        return;
    // Time-driven transitions happen here, never inside a read: an open breaker whose
    // timeout passed becomes half_open (and the room hears of it).
    for (int i = 0; i < m_pipeline->sourceCount(); ++i)
        m_pipeline->breaker(i)->advance();
    m_store->refresh(); // a shared store's fleet figures, read here and not in a request
    m_flow->sample(m_clock->nowMs(), m_store->counts());
    m_oldestPendingMs = m_store->oldestPendingMs();
    applyControl(); // what operators of the fleet ordered through another backend
    refreshGauges();
    if (m_store->sharedByWorkers())
        m_workers = m_store->workers();
    if (m_bus)
        m_monitor->setEventBus(m_bus->published(), m_bus->dropped(), m_bus->connected());
    if (m_busRelay)
        m_busRelay->flushLog();
}

void BackendService::sampleHistory()
{
    refreshGauges();
    HistorySample s;
    s.timestampMs = m_clock->nowMs();
    s.queue = m_store->counts();
    s.perMinute = perMinute();
    s.completedLastHour = m_store->completedInLast(3600);
    s.inProgress = m_pipeline->tracksInFlight();
    for (int i = 0; i < m_pipeline->sourceCount(); ++i) {
        HistorySample::Source src;
        const int mi = m_monitor->sourceIndex(m_pipeline->source(i)->name());
        const BreakerState st = m_pipeline->breaker(i)->currentState();
        src.breakerState = qint8(st);
        src.health = qint8(healthForBreaker(st));
        if (mi >= 0) {
            const SourceWindow w = m_monitor->sourceWindow(mi);
            for (std::size_t k = 0; k < RequestStatusCount; ++k)
                src.requests += m_monitor->requestCount(mi, RequestStatus(k));
            src.errors = m_monitor->requestCount(mi, RequestStatus::Error);
            src.successRate1h = w.successRate1h;
            src.p95 = w.p95;
        }
        const RateLimitState rl = m_pipeline->source(i)->rateLimit();
        if (rl.limit > 0) {
            src.rateRemaining = rl.remaining;
            src.rateLimit = rl.limit;
        }
        s.sources.push_back(src);
    }
    m_history->append(std::move(s));
}

void BackendService::ownSources(SnapshotState *st) const
{
    for (int i = 0; i < m_pipeline->sourceCount(); ++i) {
        const CircuitBreaker *b = m_pipeline->breaker(i);
        SnapshotState::Source src;
        src.name = m_pipeline->source(i)->name();
        src.state = b->currentState();
        src.failureCount = b->failureCount();
        src.lastFailureMs = b->lastFailureMs();
        src.msUntilHalfOpen = b->msUntilHalfOpen();
        src.breaker = b->config();
        src.rateLimit = m_pipeline->source(i)->rateLimit();
        const int mi = m_monitor->sourceIndex(src.name);
        src.monitored = mi >= 0;
        if (src.monitored) {
            src.window = m_monitor->sourceWindow(mi);
            for (std::size_t k = 0; k < RequestStatusCount; ++k)
                src.requests[k] = m_monitor->requestCount(mi, RequestStatus(k));
            for (std::size_t k = 0; k < ErrorTypeCount; ++k)
                src.errors[k] = m_monitor->errorCount(mi, ErrorType(k));
            src.trips = m_monitor->tripCount(mi);
        }
        st->sources.append(src);
    }
    for (std::size_t k = 0; k < CacheOperationCount; ++k)
        st->cache[k] = m_monitor->cacheCount(CacheOperation(k));
    st->tracksEnriched = m_monitor->tracksProcessed();
    for (int f = 0; f < metadataFieldNames().size(); ++f)
        st->fieldCounts.append(m_monitor->fieldCount(f));
}

qint64 BackendService::workerLostAfterMs() const
{
    return 3 * qint64(std::max(m_options.heartbeatIntervalMs, 1000));
}

SnapshotState BackendService::snapshotState() const
{
    SnapshotState st;
    st.nowMs = m_clock->nowMs();
    st.queue = m_store->counts();
    st.completedLastHour = m_store->completedInLast(3600);
    st.perMinute = perMinute();
    st.rateWindowSeconds = rateWindowSeconds();
    st.enqueuedPerMinute = m_flow->enqueuedPerMinute();
    if (m_oldestPendingMs && st.queue[std::size_t(TrackStatus::Pending)] > 0)
        st.oldestPendingSeconds =
            double(std::max<qint64>(0, st.nowMs - *m_oldestPendingMs)) / 1000.0;
    st.tracksInProgress = m_pipeline->tracksInFlight();
    ownSources(&st);
    st.version = QStringLiteral(ENRICHMENT_VERSION);
    st.uptimeSeconds = double(m_uptime.elapsed()) / 1000.0;
    st.batchSize = m_pipeline->config().batchSize;
    st.batchesCompleted = m_pipeline->batchesCompleted();
    st.leaseSeconds = double(m_store->config().leaseMs) / 1000.0;
    st.workerId = m_store->workerId();
    st.control = m_store->control();
    st.workers = m_workers;
    st.workerLostAfterMs = workerLostAfterMs();
    st.activeWithinMs = st.workerLostAfterMs;
    if (m_workers) {
        if (m_options.relay)
            st.fleetBreakers = fleetBreakers(*m_workers, st.nowMs, st.workerLostAfterMs);
        // A shared queue's figures are the fleet's: this process's own, live, and every
        // other live worker's from its last heartbeat.
        mergeFleetStats(&st, WorkerStats::fromSnapshot(st), st.workerId, *m_workers,
                        st.workerLostAfterMs);
    }
    return st;
}

QJsonObject BackendService::snapshot()
{
    return writeSnapshot(snapshotState());
}

QJsonObject BackendService::history(int minutes)
{
    HistoryState st;
    st.nowMs = m_clock->nowMs();
    st.minutes = minutes;
    st.intervalSeconds = double(m_options.historyIntervalMs) / 1000.0;
    st.sourceNames = m_monitor->sources();
    st.ring = m_history.get();
    return writeHistory(st);
}

QByteArray BackendService::metrics()
{
    const std::string text = m_monitor->serialize();
    return QByteArray(text.data(), qsizetype(text.size()));
}

QJsonObject BackendService::health(bool *healthy)
{
    HealthState st;
    st.reachable = m_store->ping();
    st.writable = st.reachable && m_store->writable(&st.error);
    if (!st.reachable)
        st.error = m_store->lastError();
    st.version = QStringLiteral(ENRICHMENT_VERSION);
    st.uptimeSeconds = double(m_uptime.elapsed()) / 1000.0;
    st.nowMs = m_clock->nowMs();
    if (m_bus) {
        st.broker = HealthState::Broker{m_bus->connected(), m_bus->lastError(), m_bus->backlog(),
                                        m_bus->dropped()};
        st.brokerRequired = m_options.relay;
    }
    *healthy = st.healthy();
    return writeHealth(st);
}

QStringList BackendService::sourceNames() const
{
    QStringList names;
    for (int i = 0; m_pipeline && i < m_pipeline->sourceCount(); ++i)
        names << m_pipeline->source(i)->name();
    return names.isEmpty() ? defaultSourceNames() : names;
}

void BackendService::applyControl()
{
    if (!m_pipeline)
        return;
    const PipelineControl control = m_store->control();
    for (int i = 0; i < m_pipeline->sourceCount(); ++i) {
        const QString name = m_pipeline->source(i)->name();
        const auto cmd = control.breakerCommands.constFind(name);
        if (cmd == control.breakerCommands.cend() ||
            cmd->sequence <= m_appliedBreakerCommands.value(name))
            continue;
        m_appliedBreakerCommands.insert(name, cmd->sequence);
        CircuitBreaker *b = m_pipeline->breaker(i);
        const bool changed = cmd->action == wire::action::Close ? b->forceClose() : b->probeNow();
        qCInfo(lcService).noquote() << "operator breaker command" << cmd->action << "for" << name
                                    << (changed ? "carried out" : "changed nothing");
    }
}

ApiReply BackendService::tracks(const QUrlQuery &query)
{
    return m_operations->tracks(query);
}

ApiReply BackendService::track(const QString &trackId)
{
    return m_operations->track(trackId);
}

ApiReply BackendService::failures()
{
    return m_operations->failures();
}

ApiReply BackendService::audit(const QUrlQuery &query)
{
    return m_operations->audit(query);
}

ApiReply BackendService::act(const QString &action, const QByteArray &body, const QString &actor)
{
    return m_operations->act(action, body, actor);
}

std::array<qint64, TrackStatusCount> BackendService::queueCounts() const
{
    return m_store ? m_store->counts() : std::array<qint64, TrackStatusCount>{};
}

int BackendService::roomClientCount() const
{
    return m_server->clientCount();
}

} // namespace enrichment
