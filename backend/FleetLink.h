// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QObject>
#include <QTimer>

#include "DocumentWriter.h"
#include "enrichment/BackendService.h"

namespace enrichment {

class AmqpBus;
class BusRelay;
class Clock;
class PipelineMetrics;
class MonitoringServer;
class Pipeline;
class QueueStore;
class RoomPublisher;
class ServiceRuntime;

/// A backend's link to the rest of its fleet: its heartbeat in the shared store (and the
/// worker list read back), and the event bus: the room's events published to RabbitMQ,
/// other backends' events relayed into the room once BusRelay found them fit. A backend
/// with a store of its own and no broker has a link that does nothing.
class FleetLink final : public QObject
{
    Q_OBJECT
public:
    /// The parts must outlive the link.
    FleetLink(const BackendOptions &options, const Clock &clock, QueueStore &store,
              PipelineMetrics &monitor, Pipeline &pipeline, ServiceRuntime &runtime,
              MonitoringServer &server, RoomPublisher &publisher, QObject *parent = nullptr);
    ~FleetLink() override;

    /// Connects to the broker (when `amqpUrl` is set), says this worker is alive and
    /// starts the heartbeat. False with a reason when the broker address is not valid.
    bool start(QString *error);
    /// A last heartbeat that says this worker stopped (a clean stop, not a lost worker).
    void stop();
    /// Reads the worker list and the bus's figures again (each runtime tick).
    void refresh();

    /// The fleet as last read; none for a store of its own.
    const std::optional<QList<WorkerInfo>> &workers() const { return m_workers; }
    /// The broker's state for /health; none without a broker.
    std::optional<HealthState::Broker> broker() const;

private:
    bool startBus(QString *error);
    void heartbeat(bool stopped = false);

    const BackendOptions &m_options;
    const Clock &m_clock;
    QueueStore &m_store;
    PipelineMetrics &m_monitor;
    Pipeline &m_pipeline;
    ServiceRuntime &m_runtime;
    MonitoringServer &m_server;
    RoomPublisher &m_publisher;
    QTimer m_heartbeatTimer;
    qint64 m_startedMs = 0;
    std::optional<QList<WorkerInfo>> m_workers;
    std::unique_ptr<AmqpBus> m_bus;
    std::unique_ptr<BusRelay> m_busRelay;
};

} // namespace enrichment
