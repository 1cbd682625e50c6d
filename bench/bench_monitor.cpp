// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Recording one request (counter + histogram) through our PipelineMetrics, against a bare
// prometheus-cpp counter increment, a bare histogram observation, and the naive way that
// looks the label children up per event; and /metrics serialisation for 5 and 50 sources.
#include <benchmark/benchmark.h>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "enrichment/Clock.h"
#include "PipelineMetrics.h"

using namespace enrichment;

static void BM_Baseline_BareCounterIncrement(benchmark::State &state)
{
    prometheus::Registry registry;
    auto &family = prometheus::BuildCounter().Name("c_total").Help("h").Register(registry);
    auto &counter = family.Add({{"source", "spotify"}, {"status", "success"}});
    for (auto _ : state)
        counter.Increment();
}
BENCHMARK(BM_Baseline_BareCounterIncrement);

static void BM_Baseline_BareCounterPlusHistogram(benchmark::State &state)
{
    prometheus::Registry registry;
    auto &counter = prometheus::BuildCounter().Name("c_total").Help("h").Register(registry).Add(
        {{"source", "spotify"}, {"status", "success"}});
    auto &histogram =
        prometheus::BuildHistogram()
            .Name("d_seconds")
            .Help("h")
            .Register(registry)
            .Add({{"source", "spotify"}}, prometheus::Histogram::BucketBoundaries{
                                              0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25,
                                              0.35, 0.5, 0.75, 1, 2, 5, 10, 30, 60});
    double v = 0.001;
    for (auto _ : state) {
        counter.Increment();
        histogram.Observe(v);
        v = v > 5 ? 0.001 : v * 1.7;
    }
}
BENCHMARK(BM_Baseline_BareCounterPlusHistogram);

static void BM_Baseline_PerEventLabelLookup(benchmark::State &state)
{
    // What the seed's monitor does: labels(...) on every event.
    prometheus::Registry registry;
    auto &counters = prometheus::BuildCounter().Name("c_total").Help("h").Register(registry);
    auto &histograms = prometheus::BuildHistogram().Name("d_seconds").Help("h").Register(registry);
    const prometheus::Histogram::BucketBoundaries buckets{
        0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.35, 0.5, 0.75, 1, 2, 5, 10, 30, 60};
    double v = 0.001;
    for (auto _ : state) {
        counters.Add({{"source", "spotify"}, {"status", "success"}}).Increment();
        histograms.Add({{"source", "spotify"}}, buckets).Observe(v);
        v = v > 5 ? 0.001 : v * 1.7;
    }
}
BENCHMARK(BM_Baseline_PerEventLabelLookup);

static void BM_Monitor_RecordRequest(benchmark::State &state)
{
    SystemClock clock;
    PipelineMetrics monitor(defaultSourceNames(), clock, QStringLiteral("bench"));
    double v = 0.001;
    int source = 0;
    for (auto _ : state) {
        monitor.recordRequest(source, RequestStatus::Success, v);
        v = v > 5 ? 0.001 : v * 1.7;
        source = (source + 1) % 5;
    }
}
BENCHMARK(BM_Monitor_RecordRequest);

static void BM_Metrics_Serialize(benchmark::State &state)
{
    QStringList sources;
    for (int i = 0; i < state.range(0); ++i)
        sources << (i < 5 ? defaultSourceNames().at(i) : QStringLiteral("source%1").arg(i));
    SystemClock clock;
    PipelineMetrics monitor(sources, clock, QStringLiteral("bench"));
    for (int i = 0; i < sources.size(); ++i)
        for (int k = 0; k < 100; ++k)
            monitor.recordRequest(i, RequestStatus(k % 3), 0.01 * k);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = monitor.serialize();
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.counters["bytes"] = double(bytes);
}
BENCHMARK(BM_Metrics_Serialize)->Arg(5)->Arg(50)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
