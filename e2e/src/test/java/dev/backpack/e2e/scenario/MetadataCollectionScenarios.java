package dev.backpack.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.e2e.sim.AgentExec;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.BenchmarkStatus;
import dev.backpack.model.v1alpha1.MetadataSpec;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metadata-collection scenarios of the reference document, against whatever {@link ClusterUnderTest}
 * a subclass provides: the node simulator here, a kind cluster elsewhere. Each asserts on the indexes
 * and on the Benchmark's status.
 */
public abstract class MetadataCollectionScenarios {
    /** Node-scoped modules that every Linux machine yields (DMI, PCI names and the like vary by machine). */
    static final Set<String> NODE_MODULES_EVERYWHERE = Set.of("cpuinfo", "meminfo", "sysctl", "kernel", "network");
    static final Duration COLLECTION = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract ClusterUnderTest cluster();

    @Test
    void targetedReferenceExampleCollectsEveryWorkloadNode() {
        Benchmark b = Benchmarks.reference("enable-collection-with-es.yaml", "targeted-reference", cluster());
        b.getSpec().getWorkload().getArgs().put("clients", 2);
        BenchmarkStatus status = runToMetadataState(b, "Complete");

        List<Pod> pods = workloadPods("targeted-reference");
        assertThat(pods).hasSize(2);
        Set<String> workloadNodes = new TreeSet<>(pods.stream().map(p -> p.getSpec().getNodeName()).toList());
        for (String node : workloadNodes) {
            assertThat(cluster().indexes().countsByModule(status.getUuid(), node).keySet())
                    .as("modules indexed for %s", node).containsAll(NODE_MODULES_EVERYWHERE);
        }
        assertThat(cluster().indexes().nodesWithDocuments(status.getUuid(), cluster().nodeNames()))
                .as("only nodes that ran a workload pod are collected").containsExactlyElementsOf(workloadNodes);
        assertThat(cluster().indexes().countsByModule(status.getUuid(), null))
                .as("one k8s_nodes document per node of the cluster, however many nodes reported it")
                .containsEntry("k8s_nodes", (long) cluster().nodeNames().size());
        for (Pod pod : pods) {
            JsonNode summary = terminationSummary(pod);
            assertThat(summary.path("status").asText()).isIn("ok", "skipped");
            assertThat(summary.path("node").asText()).isEqualTo(pod.getSpec().getNodeName());
        }
    }

    @Test
    void referenceExampleWithoutServerFailsClearlyAndStartsNothing() {
        Benchmark b = Benchmarks.reference("enable-collection.yaml", "no-server", cluster());
        create(b);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            BenchmarkStatus s = status("no-server");
            assertThat(s.getState()).isEqualTo("Failed");
            assertThat(s.getMessage()).contains("spec.elasticsearch.server");
        });
        assertThat(workloadPods("no-server")).isEmpty();
    }

    @Test
    void daemonSetCollectsOnlyLabelledNodesBeforeTheWorkloadStarts() {
        Benchmark b = Benchmarks.reference("daemonset-label.yaml", "ds-reference", cluster());
        BenchmarkStatus status = runToMetadataState(b, "Complete");

        List<Pod> agents = agentPods("ds-reference");
        assertThat(agents).extracting(p -> p.getSpec().getNodeName())
                .containsExactlyInAnyOrder("worker-a", "worker-b");
        assertThat(cluster().indexes().nodesWithDocuments(status.getUuid(), cluster().nodeNames()))
                .containsExactly("worker-a", "worker-b");
        await().atMost(Duration.ofSeconds(60)).until(() -> !jobs("ds-reference").isEmpty());
        Instant jobCreated = Instant.parse(jobs("ds-reference").get(0).getMetadata().getCreationTimestamp());
        for (Pod agent : agentPods("ds-reference")) {
            Instant ready = readySince(agent);
            assertThat(ready).as("agent on %s ready before the workload was created", agent.getSpec().getNodeName())
                    .isBeforeOrEqualTo(jobCreated);
        }
    }

    @Test
    void twoPodsOnOneNodeCollectOnceAndForceCollectsAgainWithoutDuplicates() {
        Benchmark once = onOneNode("same-node", false);
        BenchmarkStatus status = runToMetadataState(once, "Complete");
        List<String> outcomes = workloadPods("same-node").stream().map(p -> terminationSummary(p).path("status").asText())
                .sorted().toList();
        assertThat(outcomes).as("one pod collected, the other found the node collected").containsExactly("ok", "skipped");
        Map<String, Long> collectedOnce = cluster().indexes().countsByModule(status.getUuid(), "worker-c");
        assertThat(collectedOnce.keySet()).containsAll(NODE_MODULES_EVERYWHERE);

        Benchmark forced = onOneNode("same-node-forced", true);
        BenchmarkStatus forcedStatus = runToMetadataState(forced, "Complete");
        List<JsonNode> summaries = workloadPods("same-node-forced").stream().map(MetadataCollectionScenarios::terminationSummary).toList();
        assertThat(summaries).extracting(s -> s.path("status").asText()).containsOnly("ok");
        assertThat(summaries).as("the second forced run found every document already there")
                .anySatisfy(s -> assertThat(s.path("alreadyPresent").asInt()).isPositive());
        Map<String, Long> forcedCounts = cluster().indexes().countsByModule(forcedStatus.getUuid(), "worker-c");
        assertThat(forcedCounts.get("meminfo")).isEqualTo(collectedOnce.get("meminfo"));
        assertThat(forcedCounts.get("cpuinfo")).isEqualTo(collectedOnce.get("cpuinfo"));
    }

    @Test
    void adHocCollectionWithANewUuidThroughPostAndThroughExec() {
        Benchmark b = Benchmarks.reference("daemonset-label.yaml", "ad-hoc", cluster());
        runToMetadataState(b, "Complete");
        Pod onA = agentPods("ad-hoc").stream().filter(p -> "worker-a".equals(p.getSpec().getNodeName())).findFirst().orElseThrow();
        Pod onB = agentPods("ad-hoc").stream().filter(p -> "worker-b".equals(p.getSpec().getNodeName())).findFirst().orElseThrow();

        String posted = "adhoc-post-" + UUID.randomUUID();
        assertThat(cluster().postToAgent(onA, "/collect?uuid=" + posted)).isEqualTo(200);
        assertThat(cluster().indexes().countsByModule(posted, "worker-a").keySet()).containsAll(NODE_MODULES_EVERYWHERE);

        String execed = "adhoc-exec-" + UUID.randomUUID();
        AgentExec exec = cluster().execInAgent(onB, List.of("backpack", "-s", cluster().searchServerForPods(),
                "-p", String.valueOf(cluster().searchPortForPods()), "-u", execed, "-n", "worker-b", "--tags", "common",
                "--host-root", "/host"));
        assertThat(exec.exitCode()).as(exec.output()).isZero();
        assertThat(cluster().indexes().countsByModule(execed, "worker-b").keySet()).containsAll(NODE_MODULES_EVERYWHERE);
        assertThat(cluster().indexes().nodesWithDocuments(execed, cluster().nodeNames())).containsExactly("worker-b");
    }

    @Test
    void tagsAndSkipTagsLimitTheModules() {
        Benchmark only = Benchmarks.reference("enable-collection-with-es.yaml", "tags-only", cluster());
        only.getSpec().getMetadata().setStockpileTags(List.of("memory", "cpu"));
        BenchmarkStatus onlyStatus = runToMetadataState(only, "Complete");
        assertThat(cluster().indexes().countsByModule(onlyStatus.getUuid(), null).keySet())
                .containsExactlyInAnyOrder("cpuinfo", "meminfo");

        Benchmark skip = Benchmarks.reference("enable-collection-with-es.yaml", "tags-skip", cluster());
        skip.getSpec().getMetadata().setStockpileSkipTagsSnakeCase(List.of("memory", "cpu"));
        BenchmarkStatus skipStatus = runToMetadataState(skip, "Complete");
        assertThat(cluster().indexes().countsByModule(skipStatus.getUuid(), null).keySet())
                .contains("sysctl", "kernel").doesNotContain("cpuinfo", "meminfo");
    }

    @Test
    void collectionOffInjectsAndCollectsNothing() {
        Benchmark b = Benchmarks.reference("enable-collection-with-es.yaml", "collection-off", cluster());
        b.getSpec().getMetadata().setCollection(false);
        create(b);
        await().atMost(Duration.ofSeconds(60)).until(() -> !workloadPods("collection-off").isEmpty());
        Pod pod = workloadPods("collection-off").get(0);
        assertThat(pod.getSpec().getInitContainers()).isNullOrEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status("collection-off").getMetadata()).isEqualTo("not collected"));
        assertThat(cluster().indexes().total(status("collection-off").getUuid())).isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    protected Benchmark onOneNode(String name, boolean force) {
        Benchmark b = Benchmarks.reference("enable-collection-with-es.yaml", name, cluster());
        b.getSpec().getWorkload().getArgs().put("clients", 2);
        b.getSpec().getWorkload().getArgs().put("nodeselector", Map.of("kubernetes.io/hostname", "worker-c"));
        MetadataSpec m = b.getSpec().getMetadata();
        m.setForce(force);
        m.setStockpileTags(List.of("common"));
        return b;
    }

    protected void create(Benchmark b) {
        cluster().client().resource(b).create();
    }

    protected BenchmarkStatus runToMetadataState(Benchmark b, String expected) {
        create(b);
        String name = b.getMetadata().getName();
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

    protected BenchmarkStatus status(String name) {
        Benchmark b = cluster().client().resources(Benchmark.class).inNamespace(cluster().namespace()).withName(name).get();
        return b == null ? null : b.getStatus();
    }

    protected List<Pod> workloadPods(String benchmark) {
        return pods(benchmark, "workload");
    }

    protected List<Pod> agentPods(String benchmark) {
        return pods(benchmark, "agent");
    }

    private List<Pod> pods(String benchmark, String role) {
        return cluster().client().pods().inNamespace(cluster().namespace())
                .withLabel("backpack.dev/benchmark", benchmark).withLabel("backpack.dev/role", role).list().getItems();
    }

    protected List<Job> jobs(String benchmark) {
        return cluster().client().batch().v1().jobs().inNamespace(cluster().namespace())
                .withLabel("backpack.dev/benchmark", benchmark).list().getItems();
    }

    static JsonNode terminationSummary(Pod pod) {
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

    static Instant readySince(Pod pod) {
        PodCondition ready = pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())
                && "True".equals(c.getStatus())).findFirst().orElseThrow(() -> new AssertionError(pod.getMetadata().getName() + " not Ready"));
        return Instant.parse(ready.getLastTransitionTime());
    }
}
