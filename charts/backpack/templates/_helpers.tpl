{{/*
Names and labels shared by every template.
*/}}

{{- define "backpack.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Object name prefix: "<release>-backpack", or the release name when it already says backpack.
Kept at most 52 characters so that suffixes such as "-operator" stay within 63.
*/}}
{{- define "backpack.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "backpack.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "backpack.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: backpack
{{- end }}

{{/* Selector labels of one component: call with (dict "ctx" $ "component" "operator"). */}}
{{- define "backpack.selectorLabels" -}}
app.kubernetes.io/name: {{ include "backpack.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "backpack.operator.name" -}}
{{- printf "%s-operator" (include "backpack.fullname" .) }}
{{- end }}

{{- define "backpack.redis.name" -}}
{{- printf "%s-redis" (include "backpack.fullname" .) }}
{{- end }}

{{- define "backpack.agent.roleName" -}}
{{- printf "%s-agent" (include "backpack.fullname" .) }}
{{- end }}

{{- define "backpack.operator.image" -}}
{{- printf "%s:%s" .Values.operator.image.repository (default .Chart.AppVersion .Values.operator.image.tag) }}
{{- end }}

{{/* The default agent image the operator injects (BACKPACK_AGENT_IMAGE). */}}
{{- define "backpack.agent.image" -}}
{{- printf "%s:%s" .Values.agent.image.repository (default .Chart.AppVersion .Values.agent.image.tag) }}
{{- end }}

{{/* Leader election is on with more than one replica, or when asked for. */}}
{{- define "backpack.leaderElection" -}}
{{- if or (gt (int .Values.operator.replicas) 1) .Values.operator.leaderElection.enabled }}true{{ else }}false{{ end }}
{{- end }}

{{/* Redis the agents use: an external one, the deployed one, or none (empty host). */}}
{{- define "backpack.redis.host" -}}
{{- if .Values.redis.external.host }}
{{- .Values.redis.external.host }}
{{- else if .Values.redis.enabled }}
{{- /* A namespace-qualified Service name: agents run in the Benchmarks' namespaces, not in ours. */}}
{{- printf "%s.%s.svc" (include "backpack.redis.name" .) .Release.Namespace }}
{{- end }}
{{- end }}

{{- define "backpack.redis.port" -}}
{{- if .Values.redis.external.host }}{{ .Values.redis.external.port }}{{ else }}{{ .Values.redis.port }}{{ end }}
{{- end }}

{{- define "backpack.redis.deployed" -}}
{{- if and .Values.redis.enabled (not .Values.redis.external.host) }}true{{ end }}
{{- end }}

{{/*
Namespaces that get the agent ServiceAccount, comma-separated: the watched namespaces, or (when all
namespaces are watched) agent.serviceAccount.namespaces, or the release namespace.
*/}}
{{- define "backpack.agent.namespaces" -}}
{{- if .Values.watchNamespaces }}
{{- join "," .Values.watchNamespaces }}
{{- else if .Values.agent.serviceAccount.namespaces }}
{{- join "," .Values.agent.serviceAccount.namespaces }}
{{- else }}
{{- .Release.Namespace }}
{{- end }}
{{- end }}

{{- define "backpack.templateDir" -}}
/etc/backpack/templates
{{- end }}

{{/* imagePullSecrets entries accept "name" or {name: name}. */}}
{{- define "backpack.pullSecrets" -}}
{{- range . }}
{{- if kindIs "string" . }}
- name: {{ . }}
{{- else }}
- name: {{ .name }}
{{- end }}
{{- end }}
{{- end }}
