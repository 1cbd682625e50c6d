// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <random>

#include <QList>

#include "TripForecast.h"

namespace testsupport {

/// Days of one source's calls, minute by minute, with breaker trips of known times, for
/// scoring the breaker-trip forecast (tests/models/tst_tripforecast, bench/bench_anomaly).
///
/// The world, seeded: about 30 calls a minute (Poisson) failing with a base share of 2 to 5
/// %, and a p95 latency of 0.3 s with noise. Events, a few a day, apart: a degradation
/// (the failure share climbs to 50-90 % over 20 to 60 minutes while the latency grows up
/// to five times, holds 15 minutes, then recovers), a near miss (it climbs to 10-14 % and
/// back: the breaker should not open), and a sudden outage (every call fails for 10
/// minutes: a trip no trend announces). The breaker is simulated call by call with the
/// dashboard's rule: open after 5 failures in a row, refuse calls for 5 minutes, then one
/// probe closes it or opens it again. The first trip of each incident is a known trip.
class TripWorld
{
public:
    enum class EventKind { Degradation, NearMiss, Outage };
    struct Event
    {
        EventKind kind;
        int startMinute;
        int endMinute;
    };
    struct Minute
    {
        dashboard::TripStep step;
        dashboard::TripRule rule; ///< the breaker at the end of the minute
    };

    static constexpr int FailureThreshold = 5;
    static constexpr int OpenMinutes = 5;

    explicit TripWorld(unsigned seed, int days = 30) : m_rng(seed)
    {
        const int minutes = days * 24 * 60;
        std::uniform_real_distribution<double> u(0, 1);
        const double base = 0.02 + 0.03 * u(m_rng);
        QList<double> p(minutes, base);
        QList<double> latency(minutes, 0.3);
        // Events: one every 4 to 10 hours.
        int t = 120;
        while (true) {
            t += 240 + int(360 * u(m_rng));
            if (t >= minutes - 200)
                break;
            const double draw = u(m_rng);
            Event e{draw < 0.5 ? EventKind::Degradation
                               : (draw < 0.8 ? EventKind::NearMiss : EventKind::Outage),
                    t, t};
            if (e.kind == EventKind::Degradation) {
                const int ramp = 20 + int(40 * u(m_rng));
                const double top = 0.5 + 0.4 * u(m_rng);
                for (int m = 0; m < ramp + 15; ++m) {
                    const double progress = std::min(1.0, double(m) / ramp);
                    p[t + m] = base + (top - base) * progress;
                    latency[t + m] = 0.3 * (1 + 4 * progress);
                }
                e.endMinute = t + ramp + 15;
            } else if (e.kind == EventKind::NearMiss) {
                const double top = 0.10 + 0.04 * u(m_rng);
                for (int m = 0; m < 40; ++m) {
                    const double progress = m < 20 ? m / 20.0 : (40 - m) / 20.0;
                    p[t + m] = base + (top - base) * progress;
                    latency[t + m] = 0.3 * (1 + progress);
                }
                e.endMinute = t + 40;
            } else {
                for (int m = 0; m < 10; ++m)
                    p[t + m] = 1.0;
                e.endMinute = t + 10;
            }
            m_events << e;
            t = e.endMinute;
        }

        // The breaker, call by call.
        int inARow = 0;
        int openUntil = -1;
        bool open = false;
        const qint64 start = 1'790'000'000'000;
        std::normal_distribution<double> noise(0, 1);
        for (int m = 0; m < minutes; ++m) {
            Minute minute;
            minute.step.ms = start + qint64(m + 1) * 60'000;
            minute.step.latencyP95 = latency.at(m) * std::exp(0.05 * noise(m_rng));
            const int calls = std::poisson_distribution<int>(30)(m_rng);
            for (int c = 0; c < calls; ++c) {
                if (open && m < openUntil)
                    break; // refused, not made
                const bool failed = u(m_rng) < p.at(m);
                minute.step.calls += 1;
                minute.step.failures += failed ? 1 : 0;
                if (open) { // the probe
                    if (failed) {
                        openUntil = m + OpenMinutes;
                    } else {
                        open = false;
                        inARow = 0;
                    }
                    continue;
                }
                inARow = failed ? inARow + 1 : 0;
                if (inARow >= FailureThreshold) {
                    open = true;
                    openUntil = m + OpenMinutes;
                    m_allTrips << m;
                    // An incident's first trip; it reopening after a probe is the same one.
                    if (m_trips.isEmpty() || !eventOf(m) || eventOf(m) != eventOf(m_trips.last()))
                        m_trips << m;
                }
            }
            minute.rule.failureThreshold = FailureThreshold;
            minute.rule.failuresInARow = inARow;
            minute.rule.open = open;
            m_minutes << minute;
        }
    }

    const QList<Minute> &minutes() const { return m_minutes; }
    /// The first trip of each incident (an event, or a trip outside any).
    const QList<int> &trips() const { return m_trips; }
    /// Every closed -> open transition, reopenings after a probe included.
    const QList<int> &allTrips() const { return m_allTrips; }
    const QList<Event> &events() const { return m_events; }
    /// The event a trip at @p minute belongs to, or null.
    const Event *eventOf(int minute) const
    {
        for (const Event &e : m_events)
            if (minute >= e.startMinute && minute <= e.endMinute + OpenMinutes)
                return &e;
        return nullptr;
    }

private:
    std::mt19937 m_rng;
    QList<Minute> m_minutes;
    QList<int> m_trips;
    QList<int> m_allTrips;
    QList<Event> m_events;
};

/// How the forecast did on a TripWorld: a warning is a minute (breaker closed) at which
/// the chance of a trip within the hour is at least one half.
struct TripScore
{
    int trips = 0;
    int warned = 0;        ///< trips with a warning on in the minute before
    int warnings = 0;      ///< warning episodes (consecutive warned minutes)
    int rightWarnings = 0; ///< of them, followed by a trip within 60 minutes of their start
    QList<double> leads;   ///< minutes of warning, per warned trip
    QList<double> degradationLeads; ///< the same, for trips of a degradation (0 if unwarned)
    int degradationTrips = 0;
    double precision() const { return warnings ? double(rightWarnings) / warnings : 1.0; }

    static TripScore measure(const TripWorld &world, double threshold = 0.5,
                             int windowSteps = dashboard::TripForecast::DefaultWindowSteps,
                             double damping = dashboard::TripForecast::DefaultDamping)
    {
        TripScore s;
        const QList<TripWorld::Minute> &minutes = world.minutes();
        QList<dashboard::TripStep> window;
        QList<bool> warn(minutes.size(), false);
        for (int m = 0; m < minutes.size(); ++m) {
            window << minutes.at(m).step;
            if (window.size() > windowSteps)
                window.removeFirst();
            if (minutes.at(m).rule.open)
                continue;
            const dashboard::TripForecast f =
                dashboard::TripForecast::compute(window, minutes.at(m).rule, windowSteps, damping);
            warn[m] = f.ok && f.pTrip1h >= threshold;
        }
        QList<int> episodeStarts;
        for (int m = 0; m < warn.size(); ++m)
            if (warn.at(m) && (m == 0 || !warn.at(m - 1)))
                episodeStarts << m;
        s.warnings = int(episodeStarts.size());
        for (int start : std::as_const(episodeStarts)) {
            const bool followed =
                std::any_of(world.allTrips().begin(), world.allTrips().end(),
                            [start](int t) { return t >= start && t <= start + 60; });
            s.rightWarnings += followed ? 1 : 0;
        }
        s.trips = int(world.trips().size());
        for (int t : world.trips()) {
            // A warning on in the minute before the trip: how long it had been on.
            int lead = -1;
            if (t > 0 && warn.at(t - 1)) {
                int begin = t - 1;
                while (begin > 0 && warn.at(begin - 1))
                    --begin;
                lead = t - begin;
            }
            const TripWorld::Event *e = world.eventOf(t);
            const bool degradation = e && e->kind == TripWorld::EventKind::Degradation;
            if (lead >= 0) {
                ++s.warned;
                s.leads << lead;
            }
            if (degradation) {
                ++s.degradationTrips;
                s.degradationLeads << std::max(0, lead);
            }
        }
        return s;
    }
};

} // namespace testsupport
