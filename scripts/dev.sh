#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a new user on Debian 12:
#   scripts/dev.sh run  [ARGS...]  install what is missing, build, open the dashboard
#                                  (enrichment-monitor; ARGS go to it, e.g. --url URL)
#   scripts/dev.sh sources         the real-source clients against local fake providers
#                                  (deploy/sources/fake-providers.yaml), with the dashboard
#   scripts/dev.sh test            install what is missing, build, run every test; then
#                                  build again with AddressSanitizer and
#                                  UndefinedBehaviorSanitizer (build-sanitize/) and run every
#                                  test there too (SANITIZE=0 skips that second pass)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
SANITIZE_BUILD="${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev
    qt6-l10n-tools qt6-svg-dev libqt6opengl6-dev libqt6sql6-sqlite libgl-dev
    prometheus-cpp-dev libbenchmark-dev librabbitmq-dev libyaml-cpp-dev
    prometheus xvfb xauth imagemagick curl openssl util-linux
    dpkg-dev desktop-file-utils appstream
    postgresql libqt6sql6-psql rabbitmq-server python3-aio-pika
    prometheus-alertmanager dbus-daemon
)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    # npm installs the test-only schema packages of the Kubernetes check (any npm will do:
    # one may come with a nodejs from elsewhere).
    command -v npm >/dev/null || missing+=(npm)
    if ((${#missing[@]})); then
        echo "==> installing missing Debian packages: ${missing[*]}"
        local sudo=()
        [[ $(id -u) -eq 0 ]] || sudo=(sudo)
        "${sudo[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

build() {
    echo "==> configuring and building in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD" -j "$JOBS"
}

cmd="${1:-}"
shift || true
case "$cmd" in
run)
    install_missing
    build
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
        echo "No display: the dashboard needs a desktop session. Headless alternatives:" >&2
        echo "  $BUILD/backend/enrichment-backend --seed-tracks 500      # the backend alone" >&2
        echo "  $BUILD/app/enrichment-monitor --export DIR                # charts to files" >&2
        exit 1
    fi
    exec "$BUILD/app/enrichment-monitor" "$@"
    ;;
fleet)
    # The seed's production shape on this machine, in a temporary folder: a private
    # PostgreSQL and RabbitMQ on free loopback ports, a relay, and the process-mode scaler
    # starting workers as the backlog asks; the
    # dashboard watches the relay. Everything stops when the dashboard closes (or Ctrl+C).
    install_missing
    build
    exec "$ROOT/scripts/fleet.sh" "$BUILD" "$@"
    ;;
sources)
    # The real-source clients against local fakes of the five provider APIs (the public
    # ones cannot be reached from every machine): enrichment-fake-providers on ports 18801
    # to 18805, a backend on deploy/sources/fake-providers.yaml with the demo track list, and
    # the dashboard watching it. Everything stops when the dashboard closes (or Ctrl+C).
    install_missing
    build
    work="$(mktemp -d)"
    pids=()
    cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
    trap cleanup EXIT INT TERM
    "$BUILD/tests/fakeproviders/enrichment-fake-providers" &
    pids+=($!)
    "$BUILD/backend/enrichment-backend" --port 8020 --database "$work/queue.sqlite" \
        --sources-config "$ROOT/deploy/sources/fake-providers.yaml" \
        --import-tracks "$ROOT/deploy/sources/fake-tracks.csv" &
    pids+=($!)
    if [[ "${1:-}" == "--no-dashboard" ]]; then
        echo "==> backend on http://127.0.0.1:8020 (Ctrl+C stops)"
        wait
    else
        "$BUILD/app/enrichment-monitor" --url http://127.0.0.1:8020
    fi
    ;;
test)
    install_missing
    build
    (cd "$BUILD" && ctest --output-on-failure -j "$JOBS" "$@")
    if [[ "${SANITIZE:-1}" != 0 ]]; then
        echo "==> the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer in $SANITIZE_BUILD"
        cmake -S "$ROOT" -B "$SANITIZE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DENRICHMENT_SANITIZE=ON -DENRICHMENT_BUILD_BENCHMARKS=OFF >/dev/null
        cmake --build "$SANITIZE_BUILD" -j "$JOBS"
        cd "$SANITIZE_BUILD"
        # Any finding aborts the test that caused it. Leak checking is off: Qt's and
        # fontconfig's process-lifetime allocations would drown real reports.
        ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=1" \
        UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
            exec ctest --output-on-failure -j "$JOBS" "$@"
    fi
    ;;
*)
    echo "usage: $0 run [ARGS...] | fleet [--no-dashboard] | sources [--no-dashboard] | test [CTEST ARGS...]" >&2
    exit 2
    ;;
esac
