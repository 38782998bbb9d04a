package dev.backpack.charts;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** What {@code helm template} produced: the text and the parsed objects, with finders for the tests. */
record Rendered(String yaml, List<HasMetadata> objects) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        return find(type, namespace, name).orElseThrow(() -> new AssertionError(
                "no " + type.getSimpleName() + " " + namespace + "/" + name + " in:\n" + names()));
    }

    Deployment operator() {
        return get(Deployment.class, Chart.NAMESPACE, Chart.RELEASE + "-backpack-operator");
    }

    /** The operator container's environment as name -> value (valueFrom entries map to null). */
    Map<String, String> operatorEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : operator().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        return env;
    }

    /** Every rule of every Role and ClusterRole the chart ships. */
    Stream<NamedRule> rules() {
        Stream<NamedRule> cluster = all(ClusterRole.class).stream()
                .flatMap(r -> r.getRules().stream().map(rule -> new NamedRule("ClusterRole/" + r.getMetadata().getName(), rule)));
        Stream<NamedRule> namespaced = all(Role.class).stream()
                .flatMap(r -> r.getRules().stream().map(rule -> new NamedRule(
                        "Role/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), rule)));
        return Stream.concat(cluster, namespaced);
    }

    String names() {
        StringBuilder out = new StringBuilder();
        for (HasMetadata o : objects) {
            out.append("  ").append(o.getKind()).append(' ')
                    .append(o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace() + "/")
                    .append(o.getMetadata().getName()).append('\n');
        }
        return out.toString();
    }

    record NamedRule(String role, PolicyRule rule) {
    }
}
