// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <vector>

#include <QtGlobal>

#include "enrichment/Vocabulary.h"

namespace enrichment {

/// Latency buckets of a SourceStats histogram (the same bounds on every worker, so that
/// the fleet's histograms add up).
inline constexpr int LatencyBucketCount = 86;

/// Figures for one source over trailing windows, as reported in the JSON snapshot.
struct SourceWindow
{
    qint64 requests1h = 0;
    qint64 successes1h = 0;
    qint64 noData1h = 0;
    qint64 errors1h = 0;
    qint64 requests24h = 0;
    qint64 successes24h = 0;
    /// Success ratio in [0,1]; negative when there were no requests in the window.
    double successRate1h = -1;
    double successRate24h = -1;
    /// Latency quantiles in seconds over the last latencyWindowMinutes; negative when empty.
    double p50 = -1;
    double p95 = -1;
    double p99 = -1;
    /// The latency histogram behind p50/p95/p99 (SourceStats::bucketUpperBound() bounds).
    std::array<quint64, LatencyBucketCount> latency{};
    quint64 latencyTotal = 0;
};

/// Per-minute buckets of request outcomes and latencies for one source, kept for 24 hours
/// in a fixed ring (bounded memory, O(1) recording). Latencies go into log-spaced buckets
/// (ratio 1.15 from 1 ms to 120 s) so quantiles are within a few percent.
/// Not thread-safe: used from the backend thread only.
class SourceStats
{
public:
    static constexpr int Minutes = 24 * 60;
    static constexpr int LatencyWindowMinutes = 5;
    static constexpr int LatencyBuckets = LatencyBucketCount;

    SourceStats();

    void record(qint64 nowMs, RequestStatus status, double seconds);
    SourceWindow window(qint64 nowMs) const;

    /// Upper bound (seconds) of latency bucket i.
    static double bucketUpperBound(int i);
    /// The @p q quantile (0..1) of @p hist holding @p total latencies, interpolated within
    /// its bucket.
    static double quantile(const std::array<quint64, LatencyBuckets> &hist, quint64 total,
                           double q);

private:
    struct Slot
    {
        qint64 minute = -1;
        quint32 success = 0;
        quint32 noData = 0;
        quint32 error = 0;
        std::array<quint32, LatencyBuckets> latency{};
    };
    Slot &slotFor(qint64 minute);

    std::vector<Slot> m_slots;
};

} // namespace enrichment
