// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripForecast.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

namespace dashboard {

namespace {

/// Weighted least squares y = a + b x; se(x) is the standard error of the fit at x.
struct Line
{
    double a = 0;
    double b = 0;
    double meanX = 0;
    double sxx = 0;    ///< weighted sum of (x - meanX)^2
    double sigma2 = 0; ///< residual variance of one unit of weight
    double weight = 0; ///< total weight
    bool ok = false;
    double at(double x) const { return a + b * x; }
    double se(double x) const
    {
        if (!ok || weight <= 0)
            return 0;
        const double dx = x - meanX;
        return std::sqrt(std::max(0.0, sigma2 * (1.0 / weight + (sxx > 0 ? dx * dx / sxx : 0))));
    }
};

Line fit(const QList<double> &x, const QList<double> &y, const QList<double> &w)
{
    Line l;
    double sw = 0, sx = 0, sy = 0;
    for (int i = 0; i < x.size(); ++i) {
        sw += w.at(i);
        sx += w.at(i) * x.at(i);
        sy += w.at(i) * y.at(i);
    }
    if (sw <= 0 || x.size() < 3)
        return l;
    l.meanX = sx / sw;
    const double meanY = sy / sw;
    double sxy = 0;
    for (int i = 0; i < x.size(); ++i) {
        l.sxx += w.at(i) * (x.at(i) - l.meanX) * (x.at(i) - l.meanX);
        sxy += w.at(i) * (x.at(i) - l.meanX) * (y.at(i) - meanY);
    }
    l.b = l.sxx > 0 ? sxy / l.sxx : 0;
    l.a = meanY - l.b * l.meanX;
    double rss = 0;
    for (int i = 0; i < x.size(); ++i) {
        const double r = y.at(i) - l.at(x.at(i));
        rss += w.at(i) * r * r;
    }
    // The variance of one unit of weight (one call), and the total weight.
    l.sigma2 = rss / double(x.size() - 2);
    l.weight = sw;
    l.ok = true;
    return l;
}

} // namespace

QList<double> TripForecast::chanceCurve(int minutes, const TripRule &rule, double callsPerMinute,
                                        const std::function<double(double)> &p)
{
    const int f = std::max(1, rule.failureThreshold);
    const int remaining = std::max(1, f - std::clamp(rule.failuresInARow, 0, f - 1));
    // The run already counted completes first, or a new run of f starts after a success.
    const double first = 1.0 - std::pow(std::clamp(p(0), 0.0, 1.0), remaining);
    QList<double> out;
    out.reserve(std::max(0, minutes) + 1);
    double hazard = 0;
    for (int h = 0; h <= minutes; ++h) {
        out << std::clamp(1.0 - first * std::exp(-hazard), 0.0, 1.0);
        const double q = std::clamp(p(h + 0.5), 0.0, 1.0);
        hazard += callsPerMinute * (1.0 - q) * std::pow(q, f);
    }
    return out;
}

TripForecast TripForecast::compute(const QList<TripStep> &steps, const TripRule &rule,
                                   int windowSteps, double damping)
{
    TripForecast out;
    if (rule.open) {
        out.ok = true;
        out.open = true;
        out.pTrip1h = out.pLow = out.pHigh = 1.0;
        out.minutesToTrip = out.minutesEarliest = out.minutesLatest = 0.0;
        return out;
    }
    const int first = std::max<int>(0, int(steps.size()) - std::max(3, windowSteps));
    QList<double> x, share, w, latency, latencyX, latencyShare, latencyW;
    double calls = 0;
    const qint64 nowMs = steps.isEmpty() ? 0 : steps.last().ms;
    for (int i = first; i < steps.size(); ++i) {
        const TripStep &s = steps.at(i);
        calls += s.calls;
        if (s.calls <= 0)
            continue;
        const double minutes = double(s.ms - nowMs) / 60'000.0; // <= 0
        const double f = std::clamp(s.failures / s.calls, 0.0, 1.0);
        x << minutes;
        share << f;
        w << s.calls;
        if (s.latencyP95 && std::isfinite(*s.latencyP95)) {
            latencyX << minutes;
            latency << *s.latencyP95;
            latencyShare << f;
            latencyW << s.calls;
        }
    }
    const int stepsIn = int(steps.size()) - first;
    out.callsPerMinute = stepsIn > 0 ? calls / stepsIn : 0;
    if (calls < MinCalls || x.size() < MinSteps) {
        out.reason = QCoreApplication::translate("dashboard::TripForecastModel",
                                                 "too few calls to forecast");
        return out;
    }
    const Line trend = fit(x, share, w);
    // Latency: does the failure share follow it here, and where is it heading?
    Line link, latencyTrend;
    if (latency.size() >= 5) {
        link = fit(latency, latencyShare, latencyW);
        latencyTrend = fit(latencyX, latency, QList<double>(latency.size(), 1.0));
    }
    const bool useLatency = link.ok && latencyTrend.ok && link.b > 0 && latencyTrend.b > 0;
    // h minutes ahead as the damped trend sees it: b (1 - d^h) / (1 - d) rather than b h.
    const double d = std::clamp(damping, 0.0, 1.0);
    const auto ahead = [d](double dh, double h) { return d >= 1.0 ? h : (1.0 - dh) / (1.0 - d); };
    const auto pAt = [&](double x, double z) { // x: the damped minutes ahead
        double p = trend.at(x) + z * 1.96 * trend.se(x);
        if (useLatency) {
            const double l = latencyTrend.at(x);
            p = std::max(p, link.at(l) + z * 1.96 * link.se(l));
        }
        return std::clamp(p, 0.0, 1.0);
    };
    out.ok = true;
    out.failureShare = std::clamp(trend.at(0), 0.0, 1.0);
    out.trendPerHour = trend.b * 60.0;
    // chanceCurve() in one pass per limit of the band, without a pow() or exp() a minute:
    // the chance reaches one half when the hazard reaches ln(2 first).
    const int f = std::max(1, rule.failureThreshold);
    const int remaining = std::max(1, f - std::clamp(rule.failuresInARow, 0, f - 1));
    const auto power = [](double q, int n) {
        double r = 1;
        for (int i = 0; i < n; ++i)
            r *= q;
        return r;
    };
    const double halfStep = std::sqrt(d);
    const auto run = [&](double z, double *pWithinHour) -> std::optional<double> {
        const double first = 1.0 - power(pAt(0, z), remaining);
        const double target = first > 0.5 ? std::log(2.0 * first) : 0.0;
        double hazard = 0;
        double dh = halfStep; // d^(h + 0.5)
        std::optional<double> median;
        for (int h = 0; h <= HorizonMinutes; ++h) {
            if (h == 60)
                *pWithinHour = std::clamp(1.0 - first * std::exp(-hazard), 0.0, 1.0);
            if (!median && hazard >= target)
                median = double(h);
            if (median && h >= 60)
                break;
            const double q = pAt(ahead(dh, h + 0.5), z);
            hazard += out.callsPerMinute * (1.0 - q) * power(q, f);
            dh *= d;
        }
        return median;
    };
    out.minutesToTrip = run(0, &out.pTrip1h);
    out.minutesLatest = run(-1, &out.pLow);
    out.minutesEarliest = run(1, &out.pHigh);
    return out;
}

} // namespace dashboard
