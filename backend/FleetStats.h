// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

#include <QJsonObject>
#include <QList>
#include <QMap>

#include "SourceStats.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/QueueStore.h"

namespace enrichment {

struct SnapshotState;

/// What one worker counted of its sources, its cache and the metadata fields it found, as
/// its heartbeat carries it (`enrichment_workers.stats`), so that every backend of a
/// shared queue (workers and relay alike) shows the fleet's figures, not one process's.
/// Counters are totals since the worker started; the windows are its last hour, day and
/// (latency) five minutes; the latency histogram has the same bucket bounds on every
/// worker, so the fleet's histogram is the sum of the workers' and its percentiles are
/// read from that sum, never averaged.
struct WorkerStats
{
    struct Source
    {
        std::array<qint64, RequestStatusCount> requests{};
        std::array<qint64, ErrorTypeCount> errors{};
        qint64 requests1h = 0;
        qint64 successes1h = 0;
        qint64 noData1h = 0;
        qint64 errors1h = 0;
        qint64 requests24h = 0;
        qint64 successes24h = 0;
        std::array<quint64, LatencyBucketCount> latency{};
        RateLimitState rateLimit;
        /// Requests per minute the provider allows the whole fleet (0: no shared quota).
        double quotaPerMinute = 0;
        qint64 trips = 0;
        int failureCount = 0;     ///< its breaker's consecutive failures
        qint64 lastFailureMs = 0; ///< its breaker's last failure (epoch ms); 0: none
    };
    QMap<QString, Source> sources;
    std::array<qint64, CacheOperationCount> cache{};
    qint64 tracksEnriched = 0;
    QList<qint64> fieldCounts; ///< per metadataFieldNames()

    /// The most sources one worker's stats may name (more are dropped when read).
    static constexpr int MaxSources = 64;

    /// The figures of a snapshot's own sources (its pipeline's).
    static WorkerStats fromSnapshot(const SnapshotState &st);
    QJsonObject toJson() const;
    /// Reads what a worker wrote; anything of the wrong type or out of range is left out,
    /// so a damaged row cannot throw the fleet's numbers.
    static WorkerStats fromJson(const QJsonObject &o);
};

/// Replaces the source figures, cache counts, field coverage and tracks in progress of
/// @p st with the fleet's: @p own (this process's live figures; empty for a relay) plus
/// every other worker of @p workers that is neither stopped nor lost (seen within
/// @p lostAfterMs of @p st's time). Requests, errors, windows, trips, cache and fields are
/// summed; success rates come from the sums; latency percentiles from the summed
/// histograms; a source's rate limit is the tightest live worker's (least remaining), with
/// its reset. Sources only other workers ask are added after this process's own.
/// Tracks in progress are the queue's.
void mergeFleetStats(SnapshotState *st, const WorkerStats &own, const QString &selfId,
                     const QList<WorkerInfo> &workers, qint64 lostAfterMs);

} // namespace enrichment
