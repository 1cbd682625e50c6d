// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The anomaly detector and the breaker-trip forecast on replayed days. Anomalies: 30 days
// (tests/support/AnomalyWorld: a daily and weekly pattern, two holidays, low-volume nights, and
// anomalies of known times and sizes): precision, recall, false alarms per day and delay, for five
// seeds, against a baseline in the same run (the same robust band without the seasonal baseline,
// the volume guard and the hold time: a rolling z-score as the common Prometheus recipes compute
// it). Breaker trips: 30 days of one source for five seeds (tests/support/TripWorld: trips of
// known times after degradations, near misses, sudden outages): lead time and precision of a
// warning at a chance of one half, against the same fit with an undamped trend. Then the cost
// of evaluating the 16 series the dashboard watches: 30 days (BM_Evaluate30Days) and the last
// day against the 29 before it, as the dashboard does (BM_EvaluateLastDay).
#include <cstdio>

#include "AnomalyWorld.h"
#include "BenchSupport.h"
#include "TripWorld.h"

namespace {

using dashboard::AnomalyDetector;
using dashboard::AnomalySettings;

AnomalySettings naive()
{
    AnomalySettings s;
    s.seasonalWeeks = 0;
    s.minSeasonalSamples = 1 << 30;
    s.minDailySamples = 1 << 30;
    s.minVolume = 0;
    s.holdSteps = 1;
    return s;
}

void report(const char *name, const AnomalySettings &settings)
{
    int truths = 0, found = 0, detected = 0, matched = 0, scopeRight = 0;
    double falsePerDay = 0;
    QList<double> delays;
    const QList<unsigned> seeds{20261204, 7, 1234, 99, 2026};
    for (unsigned seed : seeds) {
        const testsupport::AnomalyWorld world(seed);
        const auto s = testsupport::AnomalyScore::measure(world, AnomalyDetector(settings));
        truths += s.truths;
        found += s.found;
        detected += s.detected;
        matched += s.matched;
        scopeRight += s.scopeRight;
        falsePerDay += s.falseAlarmsPerDay / double(seeds.size());
        delays += s.delaysMinutes;
    }
    std::printf("%-34s injected %3d  found %3d  recall %.2f  detected %5d  precision %.2f  "
                "false alarms/day %6.2f  scope right %3d/%3d  median delay %.0f min\n",
                name, truths, found, double(found) / truths, detected,
                detected ? double(matched) / detected : 1.0, falsePerDay, scopeRight, found,
                AnomalyDetector::median(delays));
}

// The breaker-trip forecast on 30 replayed days of one source per seed (TripWorld), warning
// at a chance of one half within the hour; beside it the same fit without damping.
void reportTrips(const char *name, int window, double damping)
{
    int trips = 0, warned = 0, warnings = 0, right = 0, degradationTrips = 0;
    QList<double> degradationLeads;
    for (unsigned seed : {11u, 12u, 13u, 14u, 15u}) {
        const testsupport::TripWorld world(seed, 30);
        const auto s = testsupport::TripScore::measure(world, 0.5, window, damping);
        trips += s.trips;
        warned += s.warned;
        warnings += s.warnings;
        right += s.rightWarnings;
        degradationTrips += s.degradationTrips;
        degradationLeads += s.degradationLeads;
    }
    int degradationWarned = 0;
    for (double l : std::as_const(degradationLeads))
        degradationWarned += l > 0 ? 1 : 0;
    std::printf("%-34s trips %3d  warned %3d  degradation trips %3d warned %3d  median lead %.0f "
                "min  warnings %4d  followed by a trip %4d  precision %.2f\n",
                name, trips, warned, degradationTrips, degradationWarned,
                AnomalyDetector::median(degradationLeads), warnings, right,
                warnings ? double(right) / warnings : 1.0);
}

void BM_Evaluate30Days(benchmark::State &state)
{
    const testsupport::AnomalyWorld world(20261204);
    const AnomalyDetector detector;
    using M = dashboard::AnomalyMetric;
    for (auto _ : state) {
        int points = 0;
        for (const QString &src : world.sources())
            for (M m : {M::SuccessRate, M::LatencyP95, M::RequestRate}) {
                QList<dashboard::AnomalyPoint> p = detector.evaluate(world.series(src, m), m);
                benchmark::DoNotOptimize(detector.episodes(p, src, m));
                points += int(p.size());
            }
        QList<dashboard::AnomalyPoint> p =
            detector.evaluate(world.series({}, M::ProcessingRate), M::ProcessingRate);
        benchmark::DoNotOptimize(p);
        state.counters["steps"] = points + double(p.size());
    }
}
BENCHMARK(BM_Evaluate30Days)->Unit(benchmark::kMillisecond);

// What the dashboard does every 5 minutes with Prometheus: the last day of each series
// evaluated, the 29 before it its baseline.
void BM_EvaluateLastDay(benchmark::State &state)
{
    const testsupport::AnomalyWorld world(20261204);
    const AnomalyDetector detector;
    using M = dashboard::AnomalyMetric;
    const int from = (testsupport::AnomalyWorld::Days - 1) * testsupport::AnomalyWorld::StepsPerDay;
    for (auto _ : state) {
        for (const QString &src : world.sources())
            for (M m : {M::SuccessRate, M::LatencyP95, M::RequestRate}) {
                QList<dashboard::AnomalyPoint> p = detector.evaluate(world.series(src, m), m, from);
                benchmark::DoNotOptimize(detector.episodes(p, src, m));
            }
        benchmark::DoNotOptimize(
            detector.evaluate(world.series({}, M::ProcessingRate), M::ProcessingRate, from));
    }
}
BENCHMARK(BM_EvaluateLastDay)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    report("seasonal, volume guard, hold", AnomalySettings());
    report("baseline: rolling z-score", naive());
    reportTrips("trips: damped trend, 20 min", dashboard::TripForecast::DefaultWindowSteps,
                dashboard::TripForecast::DefaultDamping);
    reportTrips("baseline: straight trend, 30 min", 30, 1.0);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
