#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# scripts/fleet.sh BUILD_DIR [--no-dashboard]: a local fleet (see scripts/dev.sh fleet).
# PostgreSQL and RabbitMQ come from Debian's packages; as root, PostgreSQL runs as the
# `postgres` user (it refuses root). With --no-dashboard it prints the URLs and waits.
set -euo pipefail
build="$1"
shift
dashboard=yes
[[ "${1:-}" == "--no-dashboard" ]] && dashboard=no
work="$(mktemp -d /tmp/enrichment-fleet.XXXXXX)"
pgbin=/usr/lib/postgresql/15/bin
pids=()
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    as_postgres "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    ERL_EPMD_PORT="$epmd_port" epmd -kill >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

pg_port="$(free_port)"; mq_port="$(free_port)"; dist_port="$(free_port)"; epmd_port="$(free_port)"
[[ $EUID -eq 0 ]] && chown postgres: "$work"
echo "==> PostgreSQL on 127.0.0.1:$pg_port"
as_postgres "$pgbin/initdb" -D "$work/pg" -U enrichment --auth=trust -E UTF8 >"$work/initdb.log"
as_postgres "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
psql -h 127.0.0.1 -p "$pg_port" -U enrichment -d postgres -qc 'CREATE DATABASE enrichment'
db="postgresql://enrichment@127.0.0.1:$pg_port/enrichment"

echo "==> RabbitMQ on 127.0.0.1:$mq_port (about 10 s)"
mkdir -p "$work/mq"
echo "listeners.tcp.default = 127.0.0.1:$mq_port" >"$work/mq/rabbitmq.conf"
echo "[]." >"$work/mq/enabled_plugins"
HOME="$work/mq" RABBITMQ_NODENAME="enrichment-fleet@localhost" \
    RABBITMQ_MNESIA_BASE="$work/mq/mnesia" RABBITMQ_LOG_BASE="$work/mq/log" \
    RABBITMQ_CONFIG_FILE="$work/mq/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$work/mq/enabled_plugins" \
    RABBITMQ_DIST_PORT="$dist_port" ERL_EPMD_PORT="$epmd_port" \
    /usr/lib/rabbitmq/bin/rabbitmq-server >"$work/mq.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do (echo >"/dev/tcp/127.0.0.1/$mq_port") 2>/dev/null && break; sleep 0.2; done
amqp="amqp://guest@127.0.0.1:$mq_port/"

backend="$build/backend/enrichment-backend"
common=(--database "$db" --amqp "$amqp" --heartbeat-seconds 2)
# The relay computes the number of workers the backlog needs (drain within 10 minutes,
# 1 to 5 workers); the process-mode scaler follows it, starting worker-1, worker-2, ... on
# ports 8021, 8022, ... and stopping the highest first once the backlog no longer needs them.
"$backend" --relay --port 8020 "${common[@]}" --target-drain 10m --min-workers 1 \
    --max-workers 5 >"$work/relay.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:8020/health >/dev/null && break; sleep 0.2; done
echo "==> 20,000 demo tracks into the queue"
for part in 0 1; do
    python3 -c "import json,sys; print(json.dumps({'track_ids': ['demo-%d' % i for i in range($part * 10000, ($part + 1) * 10000)]}))" |
        curl -sf -X POST -H 'Content-Type: application/json' --data-binary @- \
            http://127.0.0.1:8020/monitoring/enrichment/actions/enqueue >/dev/null
done
"$build/scaler/enrichment-scaler" --url http://127.0.0.1:8020 --poll 2 --up-cooldown 20 \
    --down-cooldown 60 --max-workers 5 -- \
    "$backend" --port '{port}' --worker-id 'worker-{n}' "${common[@]}" >"$work/scaler.log" 2>&1 &
pids+=($!)
echo "==> the relay on http://127.0.0.1:8020; the scaler starts workers on 8021 and up (scaler.log)"
echo "    logs in $work"
if [[ "$dashboard" == yes ]]; then
    "$build/app/enrichment-monitor" --url http://127.0.0.1:8020
else
    echo "    Ctrl+C stops everything"
    wait
fi
