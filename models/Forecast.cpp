// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Forecast.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QCoreApplication>

namespace dashboard {

namespace {

struct Fit
{
    double sse = std::numeric_limits<double>::infinity();
    double level = 0;
    double trend = 0;
    int errors = 0;
};

Fit run(const QList<double> &y, double a, double g)
{
    Fit f;
    const int seed = std::min<int>(4, int(y.size()) - 1);
    double level = y.at(0);
    double trend = seed > 0 ? (y.at(seed) - y.at(0)) / seed : 0.0;
    f.sse = 0;
    for (int t = 1; t < y.size(); ++t) {
        const double predicted = level + trend;
        const double e = y.at(t) - predicted;
        f.sse += e * e;
        ++f.errors;
        const double previous = level;
        level = a * y.at(t) + (1 - a) * (level + trend);
        trend = g * (level - previous) + (1 - g) * trend;
    }
    f.level = level;
    f.trend = trend;
    return f;
}

} // namespace

Forecast Forecast::holt(const QList<QPair<qint64, double>> &samples, qint64 stepMs,
                        int horizonSteps)
{
    Forecast out;
    out.stepMs = std::max<qint64>(1, stepMs);
    if (samples.isEmpty()) {
        out.reason = QCoreApplication::translate("dashboard::Forecast", "no samples yet");
        return out;
    }
    // 1. A regular grid, aligned to the step, from the first sample to the last.
    const qint64 first = samples.first().first / out.stepMs;
    const qint64 last = samples.last().first / out.stepMs;
    if (last - first + 1 > 100'000) {
        out.reason = QCoreApplication::translate("dashboard::Forecast", "too many steps");
        return out;
    }
    QList<double> y;
    y.reserve(int(last - first + 1));
    int i = 0;
    double carry = samples.first().second;
    for (qint64 step = first; step <= last; ++step) {
        while (i < samples.size() && samples.at(i).first / out.stepMs <= step)
            carry = samples.at(i++).second;
        y.append(carry);
        out.observed.append({step * out.stepMs, carry});
    }
    if (y.size() < MinSteps) {
        out.reason =
            QCoreApplication::translate("dashboard::Forecast", "needs %1 minutes of history")
                .arg(MinSteps * out.stepMs / 60'000.0, 0, 'f', 0);
        return out;
    }

    // 2. The smoothing constants that predicted the past best.
    static const double grid[] = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    Fit best;
    for (double a : grid)
        for (double g : grid) {
            const Fit f = run(y, a, g);
            if (f.sse < best.sse - 1e-9) {
                best = f;
                out.alpha = a;
                out.beta = g;
            }
        }
    out.level = best.level;
    out.trendPerStep = best.trend;
    out.sigma = best.errors > 1 ? std::sqrt(best.sse / (best.errors - 1)) : 0.0;

    // 3. The projection with its band.
    const qint64 lastMs = out.observed.last().first;
    double sum = 0;
    out.projection.append(
        {lastMs, std::max(0.0, out.level), std::max(0.0, out.level), std::max(0.0, out.level)});
    for (int h = 1; h <= horizonSteps; ++h) {
        if (h > 1) {
            const double c = out.alpha * (1 + (h - 1) * out.beta);
            sum += c * c;
        }
        const double value = out.level + h * out.trendPerStep;
        const double half = 1.96 * out.sigma * std::sqrt(1 + sum);
        out.projection.append({lastMs + h * out.stepMs, std::max(0.0, value),
                               std::max(0.0, value - half), std::max(0.0, value + half)});
    }

    // 4. When it reaches zero.
    // A trend within rounding of zero, or one that takes more than a year, is flat.
    const double steps = out.trendPerStep < 0 ? out.level / -out.trendPerStep : -1;
    if (out.level <= 0)
        out.drainAtMs = lastMs;
    else if (out.trendPerStep < -1e-9 && steps * double(out.stepMs) < 365.0 * 86'400'000.0)
        out.drainAtMs = lastMs + qint64(std::ceil(steps * double(out.stepMs)));
    out.ok = true;
    return out;
}

} // namespace dashboard
