// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <utility>

#include <QtGlobal>

#include "enrichment/Vocabulary.h"

namespace enrichment {

/// What flows into the queue: tracks added per minute, from the queue's counts sampled
/// once a tick (every track is counted in exactly one status and rows are not deleted, so
/// the growth of the total is what was enqueued; on a shared queue that is the fleet's).
/// Keeps five minutes of samples.
class QueueFlow
{
public:
    static constexpr qint64 WindowMs = 5 * 60'000;
    /// Under this span the rate is still being measured (no answer yet).
    static constexpr qint64 MinSpanMs = 10'000;

    void sample(qint64 nowMs, const std::array<qint64, TrackStatusCount> &counts);
    /// Tracks added per minute over the samples kept; std::nullopt before MinSpanMs.
    std::optional<double> enqueuedPerMinute() const;
    /// What keeps flowing in, for the autoscaler's forecast: the median of the last whole
    /// one-minute inflows (up to five), so that one bulk enqueue (already backlog) is not
    /// taken for a stream; std::nullopt until three minutes are known.
    std::optional<double> steadyPerMinute() const;

private:
    std::deque<std::pair<qint64, qint64>> m_totals; ///< (time, tracks in the queue)
};

} // namespace enrichment
