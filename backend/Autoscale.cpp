// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Autoscale.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace enrichment {

namespace {
constexpr qint64 MeterWindowMs = 60'000;
/// Shortest span of ticks that measures a rate: a few batches.
constexpr qint64 MeterMinimumMs = 15'000;
/// A gap between ticks counts at most this long (a stalled event loop is not work time).
constexpr qint64 TickGapCapMs = 5'000;

qint64 ceilWorkers(double x)
{
    if (!std::isfinite(x) || x >= 100'000.0)
        return 100'000;
    return std::max<qint64>(0, qint64(std::ceil(x - 1e-9)));
}
} // namespace

AutoscaleInfo decideWorkers(const AutoscaleInput &in, const AutoscaleOptions &config)
{
    AutoscaleInfo a;
    a.liveWorkers = in.liveWorkers;
    a.minWorkers = config.minWorkers;
    a.maxWorkers = std::max(config.minWorkers, config.maxWorkers);
    a.targetDrainSeconds = double(config.targetDrainSeconds);
    a.backlog = std::max<qint64>(0, in.pending) + std::max<qint64>(0, in.inProgress);
    a.inflowPerMinute = std::max(0.0, in.inflowPerMinute);
    // The time left: the target from when this backlog began, never less than a quarter
    // of it (a backlog that is late, or one that never empties under a steady stream, is
    // drained over a quarter of the target, not in no time at all).
    const double target = std::max(60.0, a.targetDrainSeconds);
    a.drainSecondsLeft = std::max(target / 4, target - std::max(0.0, in.drainingForSeconds));
    const double minutesLeft = a.drainSecondsLeft / 60.0;
    a.forecastBacklog = double(a.backlog) + a.inflowPerMinute * minutesLeft;
    if (in.ratePerWorker && *in.ratePerWorker > 0)
        a.ratePerWorker = *in.ratePerWorker;

    qint64 wanted = 0;
    if (a.forecastBacklog < 0.5) {
        a.reason = AutoscaleInfo::Reason::Idle;
    } else if (!a.ratePerWorker) {
        // Work waits and nobody has measured how fast a worker goes: one to measure with.
        a.reason = AutoscaleInfo::Reason::Measuring;
        wanted = std::max<qint64>(1, in.liveWorkers);
    } else {
        a.reason = AutoscaleInfo::Reason::Backlog;
        wanted = std::max<qint64>(1, ceilWorkers(a.forecastBacklog /
                                                 (*a.ratePerWorker * minutesLeft)));
    }
    a.uncappedWorkers = wanted;

    // The quota cap: past the workers a source's quota feeds, a worker only waits.
    for (const AutoscaleInput::Source &s : in.sources) {
        if (s.open) {
            a.openSources << s.name;
            continue;
        }
        if (s.quotaPerMinute <= 0 || !a.ratePerWorker)
            continue;
        // Calls per track: what the waterfall measured (a source asked only when the ones
        // before it found nothing is asked less than once a track); one before anything was.
        const double calls = in.tracksProcessed > 0
                                 ? std::max(0.01, double(s.requests) / double(in.tracksProcessed))
                                 : 1.0;
        const double fed = s.quotaPerMinute / (calls * *a.ratePerWorker);
        // Rounded, not ceiled: a fleet at the quota measures each worker at quota / N, so
        // the cap reads N and holds, instead of creeping up by one on every small dip.
        const qint64 cap = std::max<qint64>(1, qint64(std::llround(std::min(fed, 100'000.0))));
        if (!a.capWorkers || cap < *a.capWorkers) {
            a.capWorkers = cap;
            a.capSource = s.name;
            a.capQuotaPerMinute = s.quotaPerMinute;
        }
    }
    qint64 desired = wanted;
    if (a.capWorkers && desired > *a.capWorkers) {
        desired = *a.capWorkers;
        a.reason = AutoscaleInfo::Reason::Quota;
    }
    // Nothing to gain from more workers while they would wait: a paused pipeline, or a
    // breaker open on a source of the waterfall (its tracks wait; workers added now would
    // be idle when it closes, and a rate measured meanwhile is not a worker's pace).
    const qint64 hold = std::max<qint64>(in.liveWorkers, a.backlog > 0 && in.liveWorkers == 0);
    if (in.paused && desired > hold) {
        desired = hold;
        a.reason = AutoscaleInfo::Reason::Paused;
    } else if (!a.openSources.isEmpty() && desired > hold) {
        desired = hold;
        a.reason = AutoscaleInfo::Reason::BreakerOpen;
    }
    if (desired < a.minWorkers) {
        desired = a.minWorkers;
        a.reason = AutoscaleInfo::Reason::MinWorkers;
    } else if (desired > a.maxWorkers) {
        desired = a.maxWorkers;
        a.reason = AutoscaleInfo::Reason::MaxWorkers;
    }
    a.desiredWorkers = desired;
    return a;
}

void AutoscaleMeter::sample(qint64 nowMs, int liveWorkers, bool saturated)
{
    if (!m_ticks.empty() && nowMs <= m_ticks.back().ms)
        return;
    m_ticks.push_back({nowMs, std::max(0, liveWorkers), saturated});
    while (m_ticks.size() > 1 && m_ticks.front().ms < nowMs - 2 * MeterWindowMs)
        m_ticks.pop_front();
}

qint64 AutoscaleMeter::saturatedSinceMs(qint64 nowMs) const
{
    // The run of saturated ticks that ends with the last one, at most a minute long.
    qint64 since = nowMs;
    for (auto it = m_ticks.crbegin(); it != m_ticks.crend(); ++it) {
        if (!it->saturated || it->live <= 0)
            break;
        const qint64 next = it == m_ticks.crbegin() ? nowMs : std::prev(it)->ms;
        if (next - it->ms > TickGapCapMs)
            break; // a stalled loop: what happened in the gap is unknown
        since = it->ms;
        if (nowMs - since >= MeterWindowMs)
            return nowMs - MeterWindowMs;
    }
    return since;
}

int AutoscaleMeter::window(qint64 nowMs) const
{
    return int(std::max<qint64>(1, (nowMs - saturatedSinceMs(nowMs)) / 1000));
}

std::optional<double> AutoscaleMeter::update(qint64 nowMs, qint64 finished)
{
    // The finished tracks of the last window() whole seconds, over the worker-time of the
    // same seconds.
    const qint64 from = nowMs - qint64(window(nowMs)) * 1000;
    if (nowMs - from < MeterMinimumMs || nowMs - saturatedSinceMs(nowMs) < MeterMinimumMs)
        return m_rate;
    double workerMs = 0;
    for (std::size_t i = 0; i < m_ticks.size(); ++i) {
        const Tick &t = m_ticks[i];
        const qint64 next = i + 1 < m_ticks.size() ? m_ticks[i + 1].ms : nowMs;
        if (next <= from)
            continue;
        workerMs += double(t.live) * double(next - std::max(t.ms, from));
    }
    if (workerMs > 0 && finished > 0)
        m_rate = double(finished) / (workerMs / 60'000.0);
    return m_rate;
}

} // namespace enrichment
