#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds (RelWithDebInfo, in build/) and runs every benchmark, printing one table per
# program: medians of repeated runs, each case next to its baseline.
# Takes a few minutes; the first run also builds the 10 k, 1 M and 5 M-row queues in
# ENRICHMENT_BENCH_DIR (default /var/tmp/enrichment-bench, about 1.1 GB).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target bench_monitor bench_snapshot bench_operations bench_latency bench_fanout bench_dashboard bench_fleet bench_history bench_quota bench_adapters bench_anomaly bench_flow
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="*.info=false;*.warning=false"
REPS=(--benchmark_repetitions=5 --benchmark_report_aggregates_only=true)
run() {
    echo
    echo "== $1"
    "$BUILD/bench/$1" "${@:2}" 2>/dev/null | grep -E '^(Benchmark|-{10}|BM_.*(median|cv|iterations:1))'
}
run bench_monitor "${REPS[@]}"
run bench_snapshot "${REPS[@]}"
# Operators: pages of a 1 M-track search, a 100 k retry (one run; p50/p99 inside it).
echo
echo "== bench_operations"
"$BUILD/bench/bench_operations" 2>/dev/null | grep -E '^(Benchmark|-{10}|BM_)'
run bench_dashboard --benchmark_filter=Repaint "${REPS[@]}"
# One-shot measurements: three runs each.
for i in 1 2 3; do run bench_latency; done
for i in 1 2 3; do run bench_fanout; done
for i in 1 2 3; do run bench_dashboard --benchmark_filter=Memory; done
# The fleet (a private PostgreSQL and RabbitMQ; a few minutes, most of it building 6 M rows).
echo
echo "== bench_fleet"
"$BUILD/bench/bench_fleet" 2>/dev/null
# A fleet's use of each provider's quota (a private PostgreSQL and the fakes; 5 minutes per
# provider, about 26 in all).
echo
echo "== bench_adapters"
"$BUILD/bench/bench_adapters" 2>/dev/null
echo
echo "== bench_quota"
"$BUILD/bench/bench_quota" --seconds 300 2>/dev/null
# Long history from a real Prometheus, and the dashboard watching ten backends (2 minutes).
echo
echo "== bench_history"
"$BUILD/bench/bench_history" 2>/dev/null
# The anomaly detector against injected anomalies, beside a rolling z-score (quick).
echo
echo "== bench_anomaly"
"$BUILD/bench/bench_anomaly" "${REPS[@]}" 2>/dev/null | grep -Ev '^(Run on|CPU|  L|Load Average|\*\*\*)'
# The flow view: a frame, and 5 s animating against 5 s hidden (three runs).
echo
echo "== bench_flow"
"$BUILD/bench/bench_flow" "${REPS[@]}" 2>/dev/null | grep -Ev '^(Run on|CPU|  L|Load Average|\*\*\*)'
