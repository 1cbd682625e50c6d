// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QJsonObject>
#include <QObject>
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

private:
    /// Pushes a snapshot on the next event-loop turn (never inside the pipeline's own
    /// call): the events of one turn share one snapshot, so it never carries stale numbers.
    void schedulePush();

    MonitoringServer &m_server;
    std::function<QJsonObject()> m_snapshot;
    bool m_pushSnapshots;
    QTimer m_pushTimer;
};

} // namespace enrichment
