// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QList>
#include <QString>

namespace dashboard {

/// One step (a minute) of a source's calls as its breaker sees them.
struct TripStep
{
    qint64 ms = 0;
    double calls = 0;
    double failures = 0;              ///< calls that count against the breaker (errors)
    std::optional<double> latencyP95; ///< seconds
};

/// The breaker's rule and the source's state now.
struct TripRule
{
    int failureThreshold = 5; ///< failures in a row that open it
    int failuresInARow = 0;   ///< its count now
    bool open = false;        ///< open or half-open already
};

/// The chance that a source's breaker opens within the next hour, and when.
///
/// Method (docs/OPERATIONS.md, "Breaker-trip forecast"):
/// 1. The failure share per call p is fitted over the last `windowSteps` steps by weighted
///    least squares on time (weights: the calls of each step), with its standard error, and
///    projected with a damped trend: h minutes ahead it is a + b (1 - d^h) / (1 - d) (d =
///    0.9 a minute: a rise is followed for about ten minutes' worth, so a bump that turns
///    does not cry wolf); and, when the failure share rises with the p95 latency in the
///    window (a positive weighted slope), also from the latency's own damped trend through
///    that relation (slow calls become timeouts). p(h) is the larger of the two, within
///    [0, 1].
/// 2. The breaker opens at `failureThreshold` failures in a row. With calls at r a minute
///    (the window's mean), a run of F failures starts after a success at the rate
///    r (1 - p) p^F per minute; the run already counted (k in a row now) completes first
///    with probability p^(F - k). The chance it has not opened after t minutes is
///    (1 - p(0)^(F-k)) exp(-sum over minutes of r (1 - p) p^F).
/// 3. p_trip_1h = 1 - that at 60 minutes; the expected time to trip is the median, the
///    first minute at which the chance it opened reaches one half (none within
///    `horizonMinutes`: not expected). The band is the same with p(h) at its fit's 95 %
///    limits.
struct TripForecast
{
    bool ok = false;
    bool open = false;  ///< the breaker is open or half-open already (p = 1, 0 minutes)
    QString reason;     ///< why there is none (too few calls), when !ok
    double pTrip1h = 0; ///< 0..1
    double pLow = 0;    ///< the band
    double pHigh = 0;
    std::optional<double> minutesToTrip;   ///< median; nullopt: not within the horizon
    std::optional<double> minutesEarliest; ///< with p at its high limit
    std::optional<double> minutesLatest;   ///< with p at its low limit
    double failureShare = 0;               ///< fitted now
    double trendPerHour = 0;               ///< of the failure share
    double callsPerMinute = 0;

    static constexpr int DefaultWindowSteps = 20;
    static constexpr int HorizonMinutes = 360;
    /// Fewer calls than this in the window: no forecast.
    static constexpr double MinCalls = 30;

    /// The trend is damped: h minutes ahead it adds b (1 - d^h) / (1 - d) rather than b h,
    /// at most 1 / (1 - d) minutes of it (d = `damping` a minute).
    static constexpr double DefaultDamping = 0.9;
    /// Fewer steps with calls in the window: no forecast.
    static constexpr int MinSteps = 10;

    static TripForecast compute(const QList<TripStep> &steps, const TripRule &rule,
                                int windowSteps = DefaultWindowSteps,
                                double damping = DefaultDamping);
    /// The chance that a breaker with @p rule has opened after each minute 0 .. @p minutes
    /// when minute h has failure share @p p(h) and @p callsPerMinute calls (step 2 above).
    static QList<double> chanceCurve(int minutes, const TripRule &rule, double callsPerMinute,
                                     const std::function<double(double)> &p);
    static double chanceWithin(int minutes, const TripRule &rule, double callsPerMinute,
                               const std::function<double(double)> &p)
    {
        return chanceCurve(minutes, rule, callsPerMinute, p).last();
    }
};

} // namespace dashboard
