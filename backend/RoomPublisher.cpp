// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomPublisher.h"

#include <QDateTime>
#include <QJsonDocument>

#include "MonitoringServer.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

RoomPublisher::RoomPublisher(MonitoringServer &server, std::function<QJsonObject()> snapshot,
                             bool pushSnapshots, QObject *parent)
    : QObject(parent), m_server(server), m_snapshot(std::move(snapshot)),
      m_pushSnapshots(pushSnapshots)
{
    m_pushTimer.setSingleShot(true);
    connect(&m_pushTimer, &QTimer::timeout, this, [this] {
        if (m_server.clientCount() > 0)
            m_server.broadcast(wire::event::Snapshot, m_snapshot());
        m_sincePush.start();
    });
}

void RoomPublisher::batchStarted(int batchSize, int batchNumber, qint64 totalTracks)
{
    send(wire::event::BatchStart, QJsonObject{{wire::key::BatchSize, batchSize},
                                              {wire::key::BatchNumber, batchNumber},
                                              {wire::key::TotalTracks, totalTracks}});
    schedulePush();
}

void RoomPublisher::batchCompleted(int batchSize, int successCount, int batchNumber)
{
    send(wire::event::BatchComplete, QJsonObject{{wire::key::BatchSize, batchSize},
                                                 {wire::key::SuccessCount, successCount},
                                                 {wire::key::BatchNumber, batchNumber}});
    schedulePush();
}

void RoomPublisher::breakerChanged(const QString &source, BreakerState previous, BreakerState state,
                                   int failureCount)
{
    send(wire::event::BreakerStateChange, QJsonObject{{wire::key::Source, source},
                                                      {wire::key::PreviousState, toWire(previous)},
                                                      {wire::key::State, toWire(state)},
                                                      {wire::key::FailureCount, failureCount}});
    schedulePush();
}

void RoomPublisher::operatorAction(const QJsonObject &data)
{
    send(wire::event::OperatorAction, data);
    schedulePush();
}

void RoomPublisher::controlChanged()
{
    schedulePush();
}

void RoomPublisher::send(const QString &type, const QJsonObject &data)
{
    QJsonObject envelope = wire::envelope(type, data, m_server.nowMs());
    if (!m_workerId.isEmpty())
        envelope.insert(wire::key::Worker, m_workerId);
    const QByteArray text = QJsonDocument(envelope).toJson(QJsonDocument::Compact);
    m_server.broadcastText(QString::fromUtf8(text));
    Q_EMIT published(text);
}

void RoomPublisher::eventRelayed()
{
    if (!m_pushSnapshots || m_server.clientCount() == 0 || m_pushTimer.isActive())
        return;
    const qint64 since = m_sincePush.isValid() ? m_sincePush.elapsed() : RelayedPushIntervalMs;
    m_pushTimer.start(int(std::max<qint64>(0, RelayedPushIntervalMs - since)));
}

void RoomPublisher::schedulePush()
{
    if (!m_pushSnapshots || m_server.clientCount() == 0 || m_pushTimer.isActive())
        return;
    m_pushTimer.start(0);
}

} // namespace enrichment
