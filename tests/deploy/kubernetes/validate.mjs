// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks Kubernetes manifests against the Kubernetes and KEDA schemas (the npm packages
// kubernetes-models and @kubernetes-models/keda), then what the schemas cannot say: the
// ScaledObject follows our number and targets our workers' Deployment, every $(VAR) in an
// argument is defined, every secret file a container reads is a key of the Secret, and the
// workers have a grace period for their SIGTERM.
//   node validate.mjs LABEL FILE... [--expect-query Q]
// Exits 1 with one line per problem.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const args = process.argv.slice(2);
const label = args.shift();
let expectQuery = null;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === "--expect-query") expectQuery = args[++i];
  else files.push(args[i]);
}

const problems = [];
const docs = [];
for (const file of files) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (doc) docs.push({ file, doc });
  }
}

// The model class of an object: core/v1, a group's version, or KEDA's.
async function modelOf(apiVersion, kind) {
  if (apiVersion === "keda.sh/v1alpha1")
    return (await import(`@kubernetes-models/keda/keda.sh/v1alpha1/${kind}`))[kind];
  const path = apiVersion.includes("/") ? apiVersion : `v1`;
  return (await import(`kubernetes-models/${path}/${kind}`))[kind];
}

export async function validate(doc) {
  const Model = await modelOf(doc.apiVersion, doc.kind);
  if (!Model) throw new Error(`no schema for ${doc.apiVersion} ${doc.kind}`);
  new Model(doc).validate();
}

const objects = [];
for (const { file, doc } of docs) {
  if (doc.kind === "Kustomization") continue; // kustomize's own file, not an object
  const name = `${file}: ${doc.kind}/${doc.metadata?.name}`;
  try {
    await validate(doc);
    objects.push(doc);
  } catch (e) {
    problems.push(`${name}: ${e.message.split("\n").slice(0, 6).join(" | ")}`);
  }
}

// The validator is not hollow: broken copies are refused.
const deployment = objects.find((o) => o.kind === "Deployment");
const scaled = objects.find((o) => o.kind === "ScaledObject");
for (const [what, broken] of [
  ["a Deployment with replicas \"two\"", deployment && { ...deployment, spec: { ...deployment.spec, replicas: "two" } }],
  ["a ScaledObject without scaleTargetRef", scaled && { ...scaled, spec: { ...scaled.spec, scaleTargetRef: undefined } }],
  ["a ScaledObject with minReplicaCount \"none\"", scaled && { ...scaled, spec: { ...scaled.spec, minReplicaCount: "none" } }],
]) {
  if (!broken) continue;
  let refused = false;
  try {
    await validate(JSON.parse(JSON.stringify(broken)));
  } catch {
    refused = true;
  }
  if (!refused) problems.push(`the schema check accepted ${what}`);
}

// What the schemas cannot say.
const deployments = objects.filter((o) => o.kind === "Deployment");
const secrets = objects.filter((o) => o.kind === "Secret");
const configMaps = objects.filter((o) => o.kind === "ConfigMap");
const scaledObjects = objects.filter((o) => o.kind === "ScaledObject");
if (scaledObjects.length !== 1) problems.push(`expected one ScaledObject, found ${scaledObjects.length}`);
for (const so of scaledObjects) {
  const target = deployments.find((d) => d.metadata.name === so.spec.scaleTargetRef.name);
  if (!target) problems.push(`ScaledObject ${so.metadata.name} targets no Deployment here`);
  else if (!target.spec.template.spec.containers[0].args.includes("--worker-id"))
    problems.push(`ScaledObject ${so.metadata.name} scales ${target.metadata.name}, which is not the workers`);
  const t = so.spec.triggers ?? [];
  if (t.length !== 1 || t[0].type !== "prometheus") problems.push("the trigger must be one prometheus trigger");
  const m = t[0]?.metadata ?? {};
  if (!/enrichment_workers_desired/.test(m.query ?? "")) problems.push("the query does not read enrichment_workers_desired");
  if (expectQuery !== null && m.query !== expectQuery) problems.push(`query ${m.query} is not ${expectQuery}`);
  if (t[0]?.metricType !== "AverageValue" || m.threshold !== "1")
    problems.push("replicas must equal the number: metricType AverageValue, threshold \"1\"");
  if (m.activationThreshold === undefined) problems.push("no activationThreshold");
  if (!so.spec.fallback || so.spec.cooldownPeriod === undefined) problems.push("no fallback or cooldownPeriod");
  if (so.spec.minReplicaCount === undefined || so.spec.maxReplicaCount === undefined ||
      so.spec.minReplicaCount > so.spec.maxReplicaCount)
    problems.push("minReplicaCount and maxReplicaCount must be set, min <= max");
}
for (const d of deployments) {
  const pod = d.spec.template.spec;
  for (const c of pod.containers) {
    const defined = new Set((c.env ?? []).map((e) => e.name));
    for (const from of c.envFrom ?? []) {
      const cm = configMaps.find((x) => x.metadata.name === from.configMapRef?.name);
      if (!cm) problems.push(`${d.metadata.name}: envFrom names a ConfigMap not here`);
      else Object.keys(cm.data ?? {}).forEach((k) => defined.add(k));
    }
    for (const a of c.args ?? []) {
      for (const [, v] of String(a).matchAll(/\$\(([A-Z_]+)\)/g))
        if (!defined.has(v)) problems.push(`${d.metadata.name}: argument $(${v}) is not defined`);
    }
    // Every secret file it reads is a key of the Secret mounted there.
    for (const a of c.args ?? []) {
      const m = /^\/etc\/enrichment\/secrets\/(.+)$/.exec(String(a));
      if (!m) continue;
      const volume = pod.volumes.find((v) => v.secret);
      const secret = secrets.find((s) => s.metadata.name === volume?.secret.secretName);
      if (secret && !Object.keys({ ...secret.stringData, ...secret.data }).includes(m[1]))
        problems.push(`${d.metadata.name}: reads secret file ${m[1]}, not a key of ${secret.metadata.name}`);
    }
  }
  if (c0(d).args.includes("--worker-id") && !(pod.terminationGracePeriodSeconds >= 10))
    problems.push(`${d.metadata.name}: workers need terminationGracePeriodSeconds >= 10`);
}
function c0(d) { return d.spec.template.spec.containers[0]; }

// The bounds the backends put on their number are the ScaledObject's replica bounds: a
// number KEDA may not follow, or replicas the number never asks for, would mislead.
function argValue(d, option) {
  const c = c0(d);
  const i = (c.args ?? []).indexOf(option);
  if (i < 0) return undefined;
  let v = String(c.args[i + 1]);
  const m = /^\$\(([A-Z_]+)\)$/.exec(v);
  if (m) {
    for (const from of c.envFrom ?? []) {
      const cm = configMaps.find((x) => x.metadata.name === from.configMapRef?.name);
      if (cm?.data?.[m[1]] !== undefined) v = String(cm.data[m[1]]);
    }
  }
  return v;
}
for (const so of scaledObjects) {
  const target = deployments.find((d) => d.metadata.name === so.spec.scaleTargetRef.name);
  for (const d of deployments) {
    for (const [option, replicas] of [["--min-workers", so.spec.minReplicaCount], ["--max-workers", so.spec.maxReplicaCount]]) {
      const v = argValue(d, option);
      if (v === undefined) {
        if (d === target) problems.push(`${d.metadata.name}: no ${option}`);
      } else if (Number(v) !== replicas) {
        problems.push(`${d.metadata.name}: ${option} ${v}, but the ScaledObject's bound is ${replicas}`);
      }
    }
  }
}

if (problems.length) {
  for (const p of problems) console.error(`${label}: ${p}`);
  process.exit(1);
}
console.log(`${label}: ${objects.length} objects valid (${objects.map((o) => o.kind).join(", ")})`);
