// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The anomaly detector on 30 replayed days (tests/support/AnomalyWorld: a daily and weekly
// pattern, two holidays, low-volume nights, and anomalies of known times and sizes):
// precision, recall, false alarms per day and delay, for five seeds, against a baseline in
// the same run (the same robust band without the seasonal baseline, the volume guard and
// the hold time: a rolling z-score as the common Prometheus recipes compute it). Then the
// cost of evaluating the 16 series the dashboard watches: 30 days (BM_Evaluate30Days) and
// the last day against the 29 before it, as the dashboard does (BM_EvaluateLastDay).
#include <cstdio>

#include "AnomalyWorld.h"
#include "BenchSupport.h"

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
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
