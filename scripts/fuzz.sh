#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes the libFuzzer harnesses in tests/fuzz for a bounded time each:
#   scripts/fuzz.sh [SECONDS] [HARNESS...]   default: 60 s each, all of snapshot, room,
#                                            request_head, token_file, track_csv
# Builds them with clang (libFuzzer + AddressSanitizer + UndefinedBehaviorSanitizer) in
# build-fuzz/, starts from the seed corpus in tests/fuzz/corpus/NAME and keeps what it
# finds in build-fuzz/corpus/NAME; a crashing input is written to build-fuzz/crashes/
# and the script exits non-zero. Copy a crash into tests/fuzz/corpus/NAME once fixed, so
# that ctest replays it on every run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
SECONDS_EACH="${1:-60}"
shift || true
HARNESSES=("$@")
((${#HARNESSES[@]})) || HARNESSES=(snapshot room request_head token_file track_csv)

missing=()
for p in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DENRICHMENT_FUZZ=ON -DENRICHMENT_SANITIZE=ON -DENRICHMENT_BUILD_BENCHMARKS=OFF >/dev/null
targets=()
for h in "${HARNESSES[@]}"; do targets+=("${h}_fuzzer"); done
cmake --build "$BUILD" -j "$JOBS" --target "${targets[@]}"

mkdir -p "$BUILD/crashes"
status=0
for h in "${HARNESSES[@]}"; do
    mkdir -p "$BUILD/corpus/$h"
    echo "==> fuzzing $h for $SECONDS_EACH s"
    if ! ASAN_OPTIONS="detect_leaks=0" "$BUILD/tests/fuzz/${h}_fuzzer" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$BUILD/crashes/$h-" -print_final_stats=1 \
        "$BUILD/corpus/$h" "$ROOT/tests/fuzz/corpus/$h" 2>"$BUILD/fuzz-$h.log"; then
        echo "!! $h: a crash; see $BUILD/fuzz-$h.log and $BUILD/crashes/" >&2
        tail -n 40 "$BUILD/fuzz-$h.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD/fuzz-$h.log" || true
    fi
done
exit $status
