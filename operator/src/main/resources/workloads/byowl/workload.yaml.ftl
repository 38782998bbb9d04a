<#--
  byowl: "bring your own workload". One Job running args.image with args.commands in args.clients pods.
  args: image (required), commands (required, run by /bin/sh -c), clients (default 1),
        nodeselector (optional map), backoffLimit (default 0: a failed benchmark is not re-run).
  Every ${...} is escaped for a YAML double-quoted string (the YAML output format): inside double
  quotes, a user string reaches the pod byte for byte, whatever it holds.
-->
<#if !(args.image??) || !args.image?is_string || args.image?trim == "">
  <#stop "spec.workload.args.image is required: the container image to run, e.g. quay.io/jtaleric/uperf:testing">
</#if>
<#if !(args.commands??) || !args.commands?is_string>
  <#stop "spec.workload.args.commands is required: the shell command line to run, e.g. \"echo Test\"">
</#if>
<#assign clients = args.clients!1>
<#if !clients?is_number || clients < 1 || clients != clients?floor>
  <#stop "spec.workload.args.clients must be a whole number of at least 1 (the number of pods)">
</#if>
<#assign backoffLimit = args.backoffLimit!0>
<#if !backoffLimit?is_number || backoffLimit < 0>
  <#stop "spec.workload.args.backoffLimit must be a whole number of at least 0">
</#if>
apiVersion: batch/v1
kind: Job
metadata:
  name: "byowl-${shortUuid}"
  labels:
    app: "byowl-${shortUuid}"
spec:
  parallelism: ${clients}
  completions: ${clients}
  backoffLimit: ${backoffLimit}
  template:
    metadata:
      labels:
        app: "byowl-${shortUuid}"
    spec:
      restartPolicy: Never
<#if args.nodeselector?? && args.nodeselector?is_hash>
      nodeSelector:
<#list args.nodeselector as key, value>
        <#-- explicit key (?): a plain YAML key is limited to 1024 characters -->
        ? "${key}"
        : "${value?string}"
</#list>
</#if>
      containers:
        - name: byowl
          image: "${args.image}"
          command: ["/bin/sh", "-c"]
          args: ["${args.commands}"]
