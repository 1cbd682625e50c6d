// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QtGlobal>

namespace enrichment {

/// A true sliding window of events over the last hour, in one-second buckets (a fixed
/// ring: bounded memory, O(1) to record). Unlike the seed's 100-entry deque it neither
/// caps the rate nor goes stale when the pipeline is idle. Not thread-safe.
class ThroughputWindow
{
public:
    static constexpr int Seconds = 3600;

    ThroughputWindow();
    void add(qint64 atMs, qint64 n = 1);
    /// Events in the @p seconds seconds up to @p nowMs (at most an hour).
    qint64 countLast(qint64 nowMs, int seconds) const;
    void clear();

private:
    struct Bucket
    {
        qint64 second = -1;
        qint64 count = 0;
    };
    std::vector<Bucket> m_buckets;
};

} // namespace enrichment
