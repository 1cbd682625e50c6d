#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Debian package from the build folder $1 (sources in $2), checks its
# dependencies were computed, extracts it, runs the packaged enrichment-backend and
# validates the packaged desktop and AppStream files.
set -euo pipefail
build="$1"
source="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; exit 1; }
deb="$(ls "$work"/out/*.deb)"
info="$(dpkg-deb -I "$deb")"
grep -q '^ Package: enrichment-monitor$' <<<"$info"
# dpkg-shlibdeps filled in the libraries the programs link.
grep -Eq '^ Depends: .*libqt6core6' <<<"$info" || { echo "no Qt dependency: $info" >&2; exit 1; }
grep -Eq '^ Depends: .*libqt6httpserver6' <<<"$info"
grep -Eq '^ Depends: .*libqt6sql6-sqlite' <<<"$info" # the SQLite plugin, loaded at run time
dpkg-deb -x "$deb" "$work/root"
version="$("$work/root/usr/bin/enrichment-backend" --version)"
[[ "$version" == "enrichment-backend "* ]] || { echo "unexpected: $version" >&2; exit 1; }
test -x "$work/root/usr/bin/enrichment-monitor"
test -f "$work/root/usr/share/icons/hicolor/scalable/apps/enrichment-monitor.svg"
desktop-file-validate "$work/root/usr/share/applications/enrichment-monitor.desktop"
appstreamcli validate --no-net \
    "$work/root/usr/share/metainfo/io.github.enrichment_monitor.EnrichmentMonitor.metainfo.xml"
# The systemd units, checked by systemd itself against the packaged binary.
units="$work/units"
mkdir -p "$units"
for unit in enrichment-backend@.service enrichment-relay.service; do
    test -f "$work/root/usr/lib/systemd/system/$unit"
    sed "s|/usr/bin/enrichment-backend|$work/root/usr/bin/enrichment-backend|" \
        "$work/root/usr/lib/systemd/system/$unit" >"$units/${unit/@./@1.}"
done
if command -v systemd-analyze >/dev/null; then
    out="$(systemd-analyze verify "$units"/*.service 2>&1)" || { echo "$out" >&2; exit 1; }
    # Only missing optional dependencies (postgresql, rabbitmq here) may be mentioned.
    if grep -v 'postgresql.service\|rabbitmq-server.service\|^$' <<<"$out" | grep -q .; then
        echo "systemd-analyze: $out" >&2
        exit 1
    fi
fi
echo "package ok: $(basename "$deb") ($version)"
