// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <optional>

#include <QList>
#include <QString>

#include "enrichment/BackendService.h"
#include "enrichment/SnapshotDocument.h"

namespace enrichment {

/// What the number is computed from, read off one snapshot of the fleet. Plain data.
struct AutoscaleInput
{
    struct Source
    {
        QString name;
        bool open = false;         ///< its breaker is open (on any live worker)
        double quotaPerMinute = 0; ///< requests per minute the whole fleet may send; 0: none
        qint64 requests = 0;       ///< requests sent to it (the live workers', since start)
    };
    qint64 pending = 0;
    qint64 inProgress = 0;
    double inflowPerMinute = 0; ///< what keeps flowing in (QueueFlow::steadyPerMinute())
    /// How long there has been a backlog (since the queue last had nothing pending or in
    /// progress): the target counts from then.
    double drainingForSeconds = 0;
    int liveWorkers = 0;        ///< neither stopped nor lost
    /// Tracks one worker finishes per minute (AutoscaleMeter); none: not measured yet.
    std::optional<double> ratePerWorker;
    qint64 tracksProcessed = 0; ///< the live workers' tracks through the waterfall
    bool paused = false;        ///< the pipeline is paused
    QList<Source> sources;
};

/// The workers the fleet should run now (docs/SCALING.md, "The number"):
///   left    = max(target - time since the backlog began, target / 4)
///   work    = pending + in progress + inflow x left              (the backlog forecast)
///   wanted  = ceil(work / (rate per worker x left))
///   cap     = min over sources with a quota and a breaker not open of
///             round(quota / (calls per track x rate per worker))  (at least 1)
///   desired = clamp(min(wanted, cap), min, max)
/// With work but no rate yet: one worker (or the live ones) to measure it. An open
/// breaker or a paused pipeline never raise it above the live workers. Pure.
AutoscaleInfo decideWorkers(const AutoscaleInput &in, const AutoscaleOptions &config);

/// Measures the rate per worker from the fleet's finished tracks over the worker-time
/// that finished them: each tick it takes how many workers were live, and the rate is the
/// tracks finished over the worker-minutes of the same span. Only a span in which work
/// waited the whole time (pending, nothing paused, no breaker open, a worker live) measures
/// a worker's pace: the last such run of ticks, 15 s to a minute long; otherwise the last
/// measurement stands (a worker with no work is not slow).
class AutoscaleMeter
{
public:
    /// A tick at @p nowMs with @p liveWorkers live and @p saturated whether that tick's
    /// workers had work to do and nothing held them back.
    void sample(qint64 nowMs, int liveWorkers, bool saturated);
    /// Updates the rate with @p finished tracks finished (completed or partial) over the
    /// last window() seconds before @p nowMs; returns the rate now (none: never measured).
    std::optional<double> update(qint64 nowMs, qint64 finished);
    /// The seconds of finished tracks update() wants: the last saturated run, at most a minute.
    int window(qint64 nowMs) const;
    std::optional<double> rate() const { return m_rate; }

private:
    /// Where the run of saturated ticks ending now began (at most a minute back).
    qint64 saturatedSinceMs(qint64 nowMs) const;
    struct Tick
    {
        qint64 ms;
        int live;
        bool saturated;
    };
    std::deque<Tick> m_ticks;
    std::optional<double> m_rate;
};

} // namespace enrichment
