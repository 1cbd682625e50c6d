#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build folder $1 into a temporary prefix, builds examples/embed (sources in
# $2) against the installed EnrichmentBackend package, runs it and checks over HTTP that
# its own source does the enriching. $3: extra compiler/linker flags (the sanitizer build).
set -euo pipefail
build="$1"
source="$2"
flags="${3:-}"
work="$(mktemp -d)"
pid=""
cleanup() {
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/examples/embed" -B "$work/example" -G Ninja \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log" >&2; exit 1; }
cmake --build "$work/example" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

"$work/example/embed-example" >"$work/out.log" 2>"$work/err.log" &
pid=$!
for _ in $(seq 1 100); do
    grep -q '^listening on ' "$work/out.log" && break
    sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$work/out.log")"
[[ -n "$url" ]] || { echo "the example never listened" >&2; cat "$work/err.log" >&2; exit 1; }

# Its own source answered every track (one source: partial); wait for the 20 to finish.
ok=""
for _ in $(seq 1 100); do
    snapshot="$(curl -sf "$url/monitoring/enrichment")"
    if grep -q '"house_catalogue"' <<<"$snapshot" && grep -q '"partial":20' <<<"$snapshot"; then
        ok=yes
        break
    fi
    sleep 0.1
done
[[ -n "$ok" ]] || { echo "unexpected snapshot: $snapshot" >&2; exit 1; }
# Not `curl | grep -q`: grep stops at the match, curl then dies of SIGPIPE, and pipefail
# turns that into a failure.
metrics="$(curl -sf "$url/metrics")"
grep -q 'enrichment_requests_total{source="house_catalogue",status="success"} 20' <<<"$metrics" ||
    { echo "unexpected metrics: $metrics" >&2; exit 1; }
echo "embedded example ok at $url"
