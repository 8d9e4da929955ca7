{{/* The chart's name. */}}
{{- define "causeway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name, used for every object. */}}
{{- define "causeway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "causeway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "causeway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "causeway.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "causeway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "causeway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "causeway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The variables Causeway reads a secret from (`secret: true` in src/core/config/env-bindings.ts; each
also has a `_FILE` variant). test/deploy/helm-chart.test.ts keeps this list in step with the code.
*/}}
{{- define "causeway.secretVariables" -}}
CAUSEWAY_STORAGE_URL CAUSEWAY_AUDIT_CHECKPOINT_KEY CAUSEWAY_ELASTICSEARCH_URL CAUSEWAY_ELASTICSEARCH_API_KEY CAUSEWAY_ELASTICSEARCH_KIBANA_URL CAUSEWAY_PROMETHEUS_URL CAUSEWAY_PROMETHEUS_BEARER_TOKEN CAUSEWAY_LLM_BASE_URL CAUSEWAY_LLM_API_KEY CAUSEWAY_SLACK_BOT_TOKEN CAUSEWAY_SLACK_APP_TOKEN CAUSEWAY_SLACK_SIGNING_SECRET CAUSEWAY_SLACK_API_URL CAUSEWAY_POSTMORTEM_PAGE_KEY CAUSEWAY_POSTMORTEM_PAGE_BASE_URL CAUSEWAY_METRICS_TOKEN CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN CAUSEWAY_WEBHOOK_GRAFANA_HMAC_SECRET CAUSEWAY_WEBHOOK_GRAFANA_TOKEN CAUSEWAY_AUTONOMY_PAGERDUTY_ROUTING_KEY CAUSEWAY_WEBHOOK_PAGERDUTY_SECRET CAUSEWAY_WEBHOOK_DATADOG_TOKEN CAUSEWAY_WEBHOOK_KIBANA_TOKEN CAUSEWAY_WEBHOOK_GENERIC_HMAC_SECRET CAUSEWAY_WEBHOOK_GENERIC_TOKEN CAUSEWAY_WEBHOOK_GITHUB_SECRET CAUSEWAY_WEBHOOK_ARGOCD_TOKEN CAUSEWAY_WEBHOOK_CHANGES_HMAC_SECRET CAUSEWAY_WEBHOOK_CHANGES_TOKEN CAUSEWAY_TELEMETRY_OTLP_ENDPOINT
{{- end }}

{{/*
Every secret reference: secrets.env plus the database URL, as a dict VARIABLE → {secretName, key},
after checking each (a known secret variable, with secretName and key).
*/}}
{{- define "causeway.secretRefs" -}}
{{- $known := splitList " " (include "causeway.secretVariables" .) }}
{{- $refs := dict }}
{{- if not .Values.database.existingSecret }}
{{- fail "database.existingSecret: name the Secret holding the PostgreSQL URL (kubectl create secret generic causeway-database --from-literal=url='postgres://USER:PASSWORD@HOST:5432/DB'), and database.key its key (default url)" }}
{{- end }}
{{- $_ := set $refs "CAUSEWAY_STORAGE_URL" (dict "secretName" .Values.database.existingSecret "key" (required "database.key: the key of database.existingSecret holding the URL" .Values.database.key)) }}
{{- range $name, $ref := .Values.secrets.env }}
{{- if not (has $name $known) }}
{{- fail (printf "secrets.env.%s: not a secret variable Causeway reads; use one of: %s (plain settings go in env or config)" $name (join ", " $known)) }}
{{- end }}
{{- if eq $name "CAUSEWAY_STORAGE_URL" }}
{{- fail "secrets.env.CAUSEWAY_STORAGE_URL: set database.existingSecret and database.key instead" }}
{{- end }}
{{- if or (not (kindIs "map" $ref)) (not $ref.secretName) (not $ref.key) }}
{{- fail (printf "secrets.env.%s: expected {secretName: NAME, key: KEY} naming an existing Secret and its key" $name) }}
{{- end }}
{{- $_ := set $refs $name (dict "secretName" $ref.secretName "key" $ref.key) }}
{{- end }}
{{- toJson $refs }}
{{- end }}
