{{/* SPDX-FileCopyrightText: 2026 Enrichment Monitor authors */}}
{{/* SPDX-License-Identifier: GPL-3.0-or-later */}}
{{- define "enrichment.labels" -}}
app.kubernetes.io/part-of: enrichment
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "enrichment.secretName" -}}
{{- default (printf "%s-secrets" .Release.Name) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* The arguments every backend of the fleet takes: the queue, the broker, the secrets, the autoscaler's goal. */}}
{{- define "enrichment.commonArgs" -}}
- --database
- {{ .Values.database.url | quote }}
- --database-password-file
- /etc/enrichment/secrets/db-password
- --amqp
- {{ .Values.amqp.url | quote }}
- --amqp-password-file
- /etc/enrichment/secrets/amqp-password
- --token-file
- /etc/enrichment/secrets/viewer-tokens
- --target-drain
- {{ .Values.autoscale.targetDrain | quote }}
- --min-workers
- {{ .Values.autoscale.minWorkers | quote }}
- --max-workers
- {{ .Values.autoscale.maxWorkers | quote }}
{{- end -}}

{{- define "enrichment.secretVolume" -}}
- name: secrets
  secret:
    secretName: {{ include "enrichment.secretName" . }}
    defaultMode: 0400
{{- end -}}
