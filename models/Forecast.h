// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QList>
#include <QPair>
#include <QString>

namespace dashboard {

/// The backlog forecast: the pending count projected from its recent trend with Holt's
/// linear trend method (double exponential smoothing), an uncertainty band, and when the
/// projection reaches zero.
///
/// Method (docs/OPERATIONS.md, "Backlog forecast"):
/// 1. The samples are resampled onto a regular grid of `stepMs` (the last sample in each
///    step; a step without one carries the previous value).
/// 2. level l and trend b: l_t = a y_t + (1 - a)(l_{t-1} + b_{t-1}),
///    b_t = g (l_t - l_{t-1}) + (1 - g) b_{t-1}, started at l_0 = y_0 and b_0 = the mean
///    step of the first four; a and g are chosen from {0.05, 0.1, 0.2, ..., 0.9} to minimise
///    the one-step-ahead squared error.
/// 3. The projection h steps ahead is l + h b; its 95 % band is
///    +- 1.96 s sqrt(1 + sum_{j=1}^{h-1} a^2 (1 + j g)^2), with s the standard deviation of
///    the one-step errors; nothing is projected below zero.
/// 4. Time to drain: l / -b steps when the trend falls (b < 0), else none.
struct Forecast
{
    struct Point
    {
        qint64 ms = 0;
        double value = 0;
        double low = 0;
        double high = 0;
    };

    bool ok = false;
    QString reason; ///< why there is no forecast (too few samples), when !ok
    qint64 stepMs = 0;
    double alpha = 0;
    double beta = 0;
    double level = 0;
    double trendPerStep = 0;
    double sigma = 0;                      ///< of the one-step errors
    QList<QPair<qint64, double>> observed; ///< the resampled input
    QList<Point> projection;               ///< from the last observed step on
    std::optional<qint64> drainAtMs;       ///< when the projection reaches zero

    double trendPerHour() const { return stepMs > 0 ? trendPerStep * 3'600'000.0 / stepMs : 0; }

    /// At least this many resampled steps are needed.
    static constexpr int MinSteps = 8;

    static Forecast holt(const QList<QPair<qint64, double>> &samples, qint64 stepMs,
                         int horizonSteps);
};

} // namespace dashboard
