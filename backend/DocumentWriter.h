// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "CircuitBreaker.h"
#include "HistoryRing.h"
#include "SourceStats.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/HealthDocument.h"
#include "enrichment/QueueStore.h"
#include "enrichment/SnapshotDocument.h"
#include "enrichment/Vocabulary.h"

namespace enrichment {

// The documents the backend serves, each written by a pure function of plain state that
// the service gathers: testable without a server, a store or a clock.

/// Everything the `/monitoring/enrichment` document says, read off the backend at one
/// moment. Plain data: the service fills it, writeSnapshot() turns it into JSON.
struct SnapshotState
{
    struct Source
    {
        QString name;
        BreakerState state = BreakerState::Closed;
        int failureCount = 0;
        std::optional<qint64> lastFailureMs;
        std::optional<qint64> msUntilHalfOpen;
        bool needsAttention = false;
        int reopens = 0;
        CircuitBreaker::Config breaker;
        bool monitored = true; ///< false: no per-source figures (not in the monitor)
        SourceWindow window;
        std::array<qint64, RequestStatusCount> requests{};
        std::array<qint64, ErrorTypeCount> errors{};
        RateLimitState rateLimit;
        /// Requests per minute the provider allows the whole fleet (0: no shared quota).
        double quotaPerMinute = 0;
        qint64 trips = 0;
    };

    qint64 nowMs = 0;
    std::array<qint64, TrackStatusCount> queue{};
    qint64 completedLastHour = 0;
    double perMinute = 0;
    int rateWindowSeconds = 300;                ///< what perMinute was measured over
    std::optional<double> enqueuedPerMinute;    ///< tracks added per minute (5 min)
    std::optional<double> oldestPendingSeconds; ///< the queue's latency; none when empty
    int tracksInProgress = 0;
    QList<Source> sources; ///< in pipeline order
    QStringList sourcesOff; ///< known providers not configured (never asked)
    std::array<qint64, CacheOperationCount> cache{};
    qint64 tracksEnriched = 0;
    QList<qint64> fieldCounts; ///< per metadataFieldNames()
    QString version;
    double uptimeSeconds = 0;
    int batchSize = 0;
    int batchesCompleted = 0;
    double leaseSeconds = 0;
    QString workerId;
    /// The fleet sharing the queue, as last read (a store of its own: none, and the
    /// document has no `workers`).
    std::optional<QList<WorkerInfo>> workers;
    /// A worker not seen for this long is `lost`.
    qint64 workerLostAfterMs = 15'000;
    /// A worker that finished a batch this recently (or has one in flight) is `active`.
    qint64 activeWithinMs = 15'000;
    /// A relay asks no source: its breakers are the fleet's, one per source with each
    /// live worker's state (see fleetBreakers()).
    QMap<QString, QMap<QString, BreakerState>> fleetBreakers;
    /// What operators set: the snapshot's `pipeline` (paused, paused sources).
    PipelineControl control;
    /// How many workers the fleet should run, as the last tick decided (none: not yet).
    std::optional<AutoscaleInfo> autoscale;
};

/// The breakers of the workers that are neither lost nor stopped, by source then worker.
QMap<QString, QMap<QString, BreakerState>> fleetBreakers(const QList<WorkerInfo> &workers,
                                                         qint64 nowMs, qint64 lostAfterMs);

/// The snapshot document's model for @p state: rates rounded, health from the breakers,
/// a relay's breakers from its workers', each worker's state from its heartbeats. Pure:
/// no clock, no I/O, the same state gives the same document.
Snapshot snapshotDocument(const SnapshotState &state);
/// The snapshot document (docs/PROTOCOL.md) for @p state: SnapshotWriter (protocol)
/// writes snapshotDocument().
QJsonObject writeSnapshot(const SnapshotState &state);

/// What `/monitoring/enrichment/history?minutes=N` answers, read off the backend.
struct HistoryState
{
    qint64 nowMs = 0;
    int minutes = 60;
    double intervalSeconds = 5;
    QStringList sourceNames;           ///< the column order of the per-source arrays
    const HistoryRing *ring = nullptr; ///< null: no samples
};

/// The history document for @p state: the samples of the last `minutes`. Pure.
QJsonObject writeHistory(const HistoryState &state);

} // namespace enrichment
