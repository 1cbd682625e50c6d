// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace dashboard {

/// What the anomaly detector watches: three figures per source and one of the queue.
enum class AnomalyMetric {
    SuccessRate,    ///< successful calls / calls, 0..1, per source
    LatencyP95,     ///< seconds, per source
    RequestRate,    ///< calls per minute, per source
    ProcessingRate, ///< tracks finished per minute, the queue's (source empty)
};
inline constexpr int AnomalyMetricCount = 4;
/// Stable names: `success_rate`, `latency_p95`, `request_rate`, `processing_rate` (CSV,
/// notification keys).
QString anomalyMetricKey(AnomalyMetric metric);
/// "Success rate", "Latency p95", ... (translated).
QString anomalyMetricLabel(AnomalyMetric metric);

/// One step of a metric's series: the value over the step that ends at `ms`, how many
/// calls (or tracks) it was measured on, and whether work was waiting in the queue then.
struct AnomalyInput
{
    qint64 ms = 0;
    double value = 0;
    double volume = 0; ///< calls (tracks for the processing rate) in the step
    bool busy = true;  ///< tracks were pending: a low rate is not explained by no work
};

/// The detector's settings (docs/OPERATIONS.md, "Anomalies").
struct AnomalySettings
{
    qint64 stepMs = 5 * 60'000;  ///< the grid of the series
    double k = 3.5;              ///< band half-width in robust standard deviations
    int holdSteps = 3;           ///< outside the band this many steps in a row: an anomaly
    double minVolume = 30;       ///< fewer calls in a step: not judged
    int seasonalWeeks = 4;       ///< weekday x hour baseline over this many weeks back
    int minSeasonalSamples = 24; ///< fewer same-weekday-and-hour samples: hour of day
    int minDailySamples = 24;    ///< fewer same-hour samples: the rolling baseline
    int rollingSteps = 60;       ///< the rolling baseline's length
    int minRollingSamples = 10;  ///< fewer: not judged yet
};

/// The expected band of one step and whether the step falls outside it.
struct AnomalyPoint
{
    enum class Basis { None, WeekdayHour, HourOfDay, Rolling };
    qint64 ms = 0;
    double observed = 0;
    double expected = 0; ///< the baseline's median
    double low = 0;
    double high = 0;
    double score = 0;       ///< (observed - expected) / robust sigma; 0 when not judged
    bool judged = false;    ///< enough volume and baseline
    bool outside = false;   ///< judged and beyond the band on the side that hurts
    bool anomalous = false; ///< part of an anomaly (outside for the hold time)
    Basis basis = Basis::None;
};

/// An anomaly: a run of steps outside the band, at least the hold time long.
struct AnomalyEpisode
{
    enum class Scope {
        Source,     ///< this source deviates while the others do not: the provider's problem
        AllSources, ///< most sources deviate on the same metric at once: ours
        Pipeline,   ///< the queue's own figure
    };
    QString source; ///< empty for the processing rate
    AnomalyMetric metric = AnomalyMetric::SuccessRate;
    qint64 startMs = 0;   ///< the first step outside the band
    qint64 endMs = 0;     ///< the last step outside the band
    bool ongoing = false; ///< its last step is the series' last
    double peakScore = 0; ///< the largest |score|, signed
    double observed = 0;  ///< at the peak
    double expected = 0;
    Scope scope = Scope::Source;
};

/// A robust seasonal anomaly detector (median and MAD, with a volume guard and a hold
/// time). Method (docs/OPERATIONS.md, "Anomalies"):
/// 1. Baseline of a step at t: the same metric's steps in the hour around the same time of
///    the same weekday (t - 1 week +- 30 min) in the `seasonalWeeks` weeks before t; too few
///    of them: the hour around the same time in the 7 days before; too few of those: the
///    `rollingSteps` steps before t. Steps below the volume
///    guard, and for a rate the steps without work waiting, are not part of a baseline.
/// 2. expected = median, sigma = 1.4826 MAD, floored (a metric that never moves still has
///    noise: 1 % of a success rate, 5 % of the median otherwise), band = expected +- k sigma.
/// 3. A step is judged when it has at least `minVolume` calls and a baseline; it is
///    outside when beyond the band on the side that hurts: a lower success rate, a higher
///    latency, a request rate either way, a lower processing rate; a rate is judged low
///    only while tracks were pending (an empty queue is not slow).
/// 4. `holdSteps` outside steps in a row make an anomaly; it lasts while the steps stay
///    outside (a step not judged ends it).
class AnomalyDetector
{
public:
    explicit AnomalyDetector(const AnomalySettings &settings = {}) : m_settings(settings) {}
    const AnomalySettings &settings() const { return m_settings; }

    /// The band of every step of @p series (ascending times on the settings' grid).
    QList<AnomalyPoint> evaluate(const QList<AnomalyInput> &series, AnomalyMetric metric) const;
    /// Evaluates from step @p from on only (earlier steps are the baseline).
    QList<AnomalyPoint> evaluate(const QList<AnomalyInput> &series, AnomalyMetric metric,
                                 int from) const;
    /// The anomalies in evaluated @p points (marks their steps `anomalous`).
    QList<AnomalyEpisode> episodes(QList<AnomalyPoint> &points, const QString &source,
                                   AnomalyMetric metric) const;

    /// Sets each source episode's scope: AllSources when, while it lasts, at least half of
    /// the @p sourceCount sources (and at least two) deviate on the same metric in the same
    /// direction; else Source. The processing rate's are Pipeline.
    static void classify(QList<AnomalyEpisode> &episodes, int sourceCount);

    /// Which side of the band hurts: -1 low, +1 high, 0 both.
    static int badSide(AnomalyMetric metric);
    static double median(QList<double> values);

private:
    AnomalySettings m_settings;
};

} // namespace dashboard
