// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FleetLink.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QLoggingCategory>

#include "AmqpBus.h"
#include "BusRelay.h"
#include "CircuitBreaker.h"
#include "FleetStats.h"
#include "PipelineMetrics.h"
#include "MonitoringServer.h"
#include "Pipeline.h"
#include "RoomPublisher.h"
#include "ServiceRuntime.h"
#include "enrichment/BusEvents.h"
#include "enrichment/Clock.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/QueueStore.h"

Q_DECLARE_LOGGING_CATEGORY(lcService)

namespace enrichment {

FleetLink::FleetLink(const BackendOptions &options, const Clock &clock, QueueStore &store,
                     PipelineMetrics &monitor, Pipeline &pipeline, ServiceRuntime &runtime,
                     MonitoringServer &server, RoomPublisher &publisher, QObject *parent)
    : QObject(parent), m_options(options), m_clock(clock), m_store(store), m_monitor(monitor),
      m_pipeline(pipeline), m_runtime(runtime), m_server(server), m_publisher(publisher)
{
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] { heartbeat(); });
}

FleetLink::~FleetLink()
{
    m_bus.reset(); // joins its threads before the relay it feeds goes
    m_busRelay.reset();
}

bool FleetLink::start(QString *error)
{
    if (!m_options.amqpUrl.isEmpty() && !startBus(error))
        return false;
    m_startedMs = m_clock.nowMs();
    if (m_store.sharedByWorkers()) {
        if (!m_options.relay)
            heartbeat();
        m_workers = m_store.workers();
        if (m_options.heartbeatIntervalMs > 0 && !m_options.relay)
            m_heartbeatTimer.start(m_options.heartbeatIntervalMs);
    }
    return true;
}

void FleetLink::stop()
{
    if (m_heartbeatTimer.isActive()) {
        m_heartbeatTimer.stop();
        heartbeat(/*stopped*/ true); // the fleet sees a clean stop, not a lost worker
    }
}

void FleetLink::refresh()
{
    if (m_store.sharedByWorkers())
        m_workers = m_store.workers();
    if (m_bus)
        m_monitor.setEventBus(m_bus->published(), m_bus->dropped(), m_bus->connected());
    if (m_busRelay)
        m_busRelay->flushLog();
}

std::optional<HealthState::Broker> FleetLink::broker() const
{
    if (!m_bus)
        return std::nullopt;
    return HealthState::Broker{m_bus->connected(), m_bus->lastError(), m_bus->backlog(),
                               m_bus->dropped()};
}

bool FleetLink::startBus(QString *error)
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
                          : QStringLiteral("enrichment_events.") + m_store.workerId();
    m_bus = std::make_unique<AmqpBus>(target, busConfig);
    m_publisher.setWorkerId(m_store.workerId());
    connect(&m_publisher, &RoomPublisher::published, m_bus.get(), &AmqpBus::publish);
    // What the exchange carries reaches the room only if a worker may have sent it.
    BusRelay::Config relay;
    relay.ownWorkerId = m_store.workerId();
    relay.publishers = m_options.amqpPublishers;
    if (relay.publishers.isEmpty() && target.user == QLatin1String("guest"))
        qCWarning(lcService) << "the event broker is used as guest: any process that can reach"
                                " it can publish events as any worker";
    m_busRelay = std::make_unique<BusRelay>(relay, m_monitor, m_clock, [this](const QString &text) {
        m_server.broadcastText(text);
        m_publisher.eventRelayed();
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
        m_monitor.setEventBus(m_bus->published(), m_bus->dropped(), up);
    });
    m_monitor.setEventBus(0, 0, false);
    m_bus->start();
    return true;
}

void FleetLink::heartbeat(bool stopped)
{
    if (!m_store.sharedByWorkers())
        return;
    WorkerInfo self;
    self.id = m_store.workerId();
    self.host = QHostInfo::localHostName();
    self.pid = QCoreApplication::applicationPid();
    self.startedMs = m_startedMs;
    self.lastSeenMs = m_clock.nowMs();
    self.currentBatch = m_pipeline.tracksInFlight();
    self.batches = m_pipeline.batchesCompleted();
    self.tracksPerMinute = m_runtime.ownTracksPerMinute(self.lastSeenMs);
    self.stopped = stopped;
    for (int i = 0; i < m_pipeline.sourceCount(); ++i)
        self.breakers.insert(m_pipeline.source(i)->name(), m_pipeline.breaker(i)->currentState());
    self.lastBatchMs = m_pipeline.lastBatchMs();
    SnapshotState own;
    own.nowMs = self.lastSeenMs;
    m_runtime.ownSources(&own);
    self.stats = WorkerStats::fromSnapshot(own).toJson();
    m_store.heartbeat(self);
}

} // namespace enrichment
