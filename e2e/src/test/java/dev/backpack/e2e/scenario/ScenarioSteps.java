package dev.backpack.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.BenchmarkStatus;
import dev.backpack.model.v1alpha1.MetadataSpec;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The steps scenarios are made of: create a Benchmark, wait for its state, find its pods, read their summaries. */
public final class ScenarioSteps {
    static final Duration COLLECTION = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterUnderTest cluster;

    public ScenarioSteps(ClusterUnderTest cluster) {
        this.cluster = cluster;
    }

    public Benchmark onOneNode(String name, boolean force) {
        Benchmark b = Benchmarks.reference("enable-collection-with-es.yaml", name, cluster);
        b.getSpec().getWorkload().getArgs().put("clients", 2);
        b.getSpec().getWorkload().getArgs().put("nodeselector", Map.of("kubernetes.io/hostname", cluster.plainNode()));
        MetadataSpec m = b.getSpec().getMetadata();
        m.setForce(force);
        m.setStockpileTags(List.of("common"));
        return b;
    }

    public void create(Benchmark b) {
        cluster.client().resource(b).create();
    }

    public BenchmarkStatus runToMetadataState(Benchmark b, String expected) {
        create(b);
        return runningToMetadataState(b.getMetadata().getName(), expected);
    }

    /** Waits for an already created Benchmark to reach a metadata state, failing early if it fails instead. */
    public BenchmarkStatus runningToMetadataState(String name, String expected) {
        await().atMost(COLLECTION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            BenchmarkStatus s = status(name);
            assertThat(s).isNotNull();
            if (!expected.equals("Failed")) {
                assertThat(s.getMetadata()).as("metadata state of %s (message: %s)", name, s.getMessage()).isNotEqualTo("Failed");
            }
            assertThat(s.getMetadata()).as("metadata state of %s (message: %s)", name, s.getMessage()).isEqualTo(expected);
        });
        return status(name);
    }

    public BenchmarkStatus status(String name) {
        Benchmark b = cluster.client().resources(Benchmark.class).inNamespace(cluster.namespace()).withName(name).get();
        return b == null ? null : b.getStatus();
    }

    public List<Pod> workloadPods(String benchmark) {
        return pods(benchmark, "workload");
    }

    public List<Pod> agentPods(String benchmark) {
        return pods(benchmark, "agent");
    }

    private List<Pod> pods(String benchmark, String role) {
        return cluster.client().pods().inNamespace(cluster.namespace())
                .withLabel("backpack.dev/benchmark", benchmark).withLabel("backpack.dev/role", role).list().getItems();
    }

    public List<Job> jobs(String benchmark) {
        return cluster.client().batch().v1().jobs().inNamespace(cluster.namespace())
                .withLabel("backpack.dev/benchmark", benchmark).list().getItems();
    }

    public static JsonNode terminationSummary(Pod pod) {
        ContainerStatus init = pod.getStatus().getInitContainerStatuses().stream()
                .filter(s -> "backpack".equals(s.getName())).findFirst().orElseThrow();
        ContainerStateTerminated t = init.getState().getTerminated();
        assertThat(t).as("backpack init container of %s terminated", pod.getMetadata().getName()).isNotNull();
        try {
            return JSON.readTree(Objects.requireNonNullElse(t.getMessage(), "{}"));
        } catch (java.io.IOException e) {
            throw new AssertionError("termination message is not JSON: " + t.getMessage(), e);
        }
    }

    public static Instant readySince(Pod pod) {
        PodCondition ready = pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())
                && "True".equals(c.getStatus())).findFirst().orElseThrow(() -> new AssertionError(pod.getMetadata().getName() + " not Ready"));
        return Instant.parse(ready.getLastTransitionTime());
    }
}
