// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QJsonObject>
#include <QObject>
#include <QElapsedTimer>
#include <QTimer>

#include "enrichment/Vocabulary.h"

namespace enrichment {

class MonitoringServer;

/// What the room hears: the pipeline's events as `enrichment_batch_start`,
/// `enrichment_batch_complete` and `circuit_breaker_state_change`, each followed (when
/// snapshot push is on) by one `enrichment_snapshot` per event-loop turn, taken when sent.
class RoomPublisher final : public QObject
{
    Q_OBJECT
public:
    /// @p server must outlive the publisher; @p snapshot makes the pushed document.
    RoomPublisher(MonitoringServer &server, std::function<QJsonObject()> snapshot,
                  bool pushSnapshots, QObject *parent = nullptr);

    void batchStarted(int batchSize, int batchNumber, qint64 totalTracks);
    void batchCompleted(int batchSize, int successCount, int batchNumber);
    void breakerChanged(const QString &source, BreakerState previous, BreakerState state,
                        int failureCount);
    /// `operator_action` with @p data (what was done, by whom, with what result).
    void operatorAction(const QJsonObject &data);
    /// The pipeline control changed: push a snapshot (it carries `pipeline`).
    void controlChanged();
    /// Names this backend in its events (`worker`), for rooms that hear them through
    /// RabbitMQ; empty: no `worker` field.
    void setWorkerId(const QString &id) { m_workerId = id; }
    /// An event from elsewhere (another worker, through RabbitMQ) went to the room: push a
    /// fresh snapshot too, but at most every RelayedPushIntervalMs (a fleet sends many).
    void eventRelayed();
    static constexpr int RelayedPushIntervalMs = 250;

Q_SIGNALS:
    /// One of our events, exactly as the room got it (JSON text of the envelope).
    void published(const QByteArray &envelope);

private:
    /// Pushes a snapshot on the next event-loop turn (never inside the pipeline's own
    /// call): the events of one turn share one snapshot, so it never carries stale numbers.
    void schedulePush();
    void send(const QString &type, const QJsonObject &data);

    MonitoringServer &m_server;
    std::function<QJsonObject()> m_snapshot;
    bool m_pushSnapshots;
    QString m_workerId;
    QTimer m_pushTimer;
    QElapsedTimer m_sincePush; ///< since the last snapshot push
};

} // namespace enrichment
