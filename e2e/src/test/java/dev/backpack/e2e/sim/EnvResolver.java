package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the kubelet does with {@code env}: downward API, Secret and ConfigMap keys, and {@code $(VAR)} expansion. */
final class EnvResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");

    private final KubernetesClient client;

    EnvResolver(KubernetesClient client) {
        this.client = client;
    }

    Map<String, String> resolve(Pod pod, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnv() == null) {
            return env;
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() != null) {
                String value = valueFrom(pod, var.getValueFrom(), var.getName());
                if (value != null) {
                    env.put(var.getName(), value);
                }
            } else {
                env.put(var.getName(), expand(var.getValue() == null ? "" : var.getValue(), env));
            }
        }
        return env;
    }

    /** Kubernetes' {@code $(VAR)} expansion: unknown references stay as written, {@code $$} escapes. */
    static String expand(String text, Map<String, String> env) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) == null ? "\\$" : env.containsKey(m.group(1))
                    ? Matcher.quoteReplacement(env.get(m.group(1))) : Matcher.quoteReplacement(m.group());
            m.appendReplacement(out, replacement);
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<String> expandAll(List<String> texts, Map<String, String> env) {
        return texts == null ? List.of() : texts.stream().map(t -> expand(t, env)).toList();
    }

    private String valueFrom(Pod pod, EnvVarSource source, String name) {
        if (source.getFieldRef() != null) {
            return switch (source.getFieldRef().getFieldPath()) {
                case "spec.nodeName" -> pod.getSpec().getNodeName();
                case "metadata.name" -> pod.getMetadata().getName();
                case "metadata.namespace" -> pod.getMetadata().getNamespace();
                case "metadata.uid" -> pod.getMetadata().getUid();
                case "status.podIP" -> pod.getStatus().getPodIP();
                case "status.hostIP" -> pod.getStatus().getHostIP();
                case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
                default -> throw new IllegalStateException("env " + name + ": unsupported fieldPath " + source.getFieldRef().getFieldPath());
            };
        }
        String ns = pod.getMetadata().getNamespace();
        if (source.getSecretKeyRef() != null) {
            Secret secret = client.secrets().inNamespace(ns).withName(source.getSecretKeyRef().getName()).get();
            String key = source.getSecretKeyRef().getKey();
            if (secret == null || secret.getData() == null || !secret.getData().containsKey(key)) {
                if (Boolean.TRUE.equals(source.getSecretKeyRef().getOptional())) {
                    return null;
                }
                throw new IllegalStateException("CreateContainerConfigError: secret " + source.getSecretKeyRef().getName()
                        + " key " + key + " not found for env " + name);
            }
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        if (source.getConfigMapKeyRef() != null) {
            ConfigMap cm = client.configMaps().inNamespace(ns).withName(source.getConfigMapKeyRef().getName()).get();
            String key = source.getConfigMapKeyRef().getKey();
            if (cm == null || cm.getData() == null || !cm.getData().containsKey(key)) {
                if (Boolean.TRUE.equals(source.getConfigMapKeyRef().getOptional())) {
                    return null;
                }
                throw new IllegalStateException("CreateContainerConfigError: configmap " + source.getConfigMapKeyRef().getName()
                        + " key " + key + " not found for env " + name);
            }
            return cm.getData().get(key);
        }
        throw new IllegalStateException("env " + name + ": unsupported valueFrom");
    }
}
