package dev.backpack.operator.plan;

import dev.backpack.operator.inject.PodTemplates;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/**
 * The labels that tie objects and pods to their Benchmark. The operator's informers select on them, and
 * map a pod back to its Benchmark by name (the namespace is the pod's own).
 */
public final class BenchmarkLabels {
    public static final String BENCHMARK = "backpack.dev/benchmark";
    public static final String UUID = "backpack.dev/uuid";
    public static final String ROLE = "backpack.dev/role";
    public static final String ROLE_WORKLOAD = "workload";
    public static final String ROLE_AGENT = "agent";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "backpack-operator";

    private BenchmarkLabels() {
    }

    public static Map<String, String> of(String benchmark, String uuid, String role) {
        return new TreeMap<>(Map.of(BENCHMARK, benchmark, UUID, uuid, ROLE, role, MANAGED_BY, MANAGER));
    }

    /** Labels every object and every pod template in it. */
    public static void apply(List<HasMetadata> objects, String benchmark, String uuid) {
        Map<String, String> labels = of(benchmark, uuid, ROLE_WORKLOAD);
        for (HasMetadata object : objects) {
            addTo(object.getMetadata(), labels);
        }
        PodTemplates.update(objects, pod -> addTo(pod.metadata(), labels));
    }

    private static void addTo(ObjectMeta metadata, Map<String, String> labels) {
        Map<String, String> merged = new TreeMap<>(metadata.getLabels() == null ? Map.of() : metadata.getLabels());
        merged.putAll(labels);
        metadata.setLabels(merged);
    }
}
