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

    protected abstract ClusterUnderTest cluster();

    protected ScenarioSteps steps() {
        return new ScenarioSteps(cluster());
    }

    @Test
    void targetedReferenceExampleCollectsEveryWorkloadNode() {
        Benchmark b = Benchmarks.reference("enable-collection-with-es.yaml", "targeted-reference", cluster());
        b.getSpec().getWorkload().getArgs().put("clients", 2);
        BenchmarkStatus status = steps().runToMetadataState(b, "Complete");

        List<Pod> pods = steps().workloadPods("targeted-reference");
        assertThat(pods).hasSize(2);
        Set<String> workloadNodes = new TreeSet<>(pods.stream().map(p -> p.getSpec().getNodeName()).toList());
        for (String node : workloadNodes) {
            assertThat(cluster().indexes().countsByModule(status.getUuid(), node).keySet())
                    .as("modules indexed for %s", node).containsAll(NODE_MODULES_EVERYWHERE);
        }
        assertThat(cluster().indexes().nodesWithDocuments(status.getUuid(), cluster().nodeNames()))
                .as("only nodes that ran a workload pod are collected").containsExactlyInAnyOrderElementsOf(workloadNodes);
        assertThat(cluster().indexes().countsByModule(status.getUuid(), null))
                .as("one k8s_nodes document per node of the cluster, however many nodes reported it")
                .containsEntry("k8s_nodes", (long) cluster().nodeNames().size());
        for (Pod pod : pods) {
            JsonNode summary = ScenarioSteps.terminationSummary(pod);
            assertThat(summary.path("status").asText()).isIn("ok", "skipped");
            assertThat(summary.path("node").asText()).isEqualTo(pod.getSpec().getNodeName());
        }
    }

    @Test
    void referenceExampleWithoutServerFailsClearlyAndStartsNothing() {
        Benchmark b = Benchmarks.reference("enable-collection.yaml", "no-server", cluster());
        steps().create(b);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            BenchmarkStatus s = steps().status("no-server");
            assertThat(s.getState()).isEqualTo("Failed");
            assertThat(s.getMessage()).contains("spec.elasticsearch.server");
        });
        assertThat(steps().workloadPods("no-server")).isEmpty();
    }

    @Test
    void daemonSetCollectsOnlyLabelledNodesBeforeTheWorkloadStarts() {
        Benchmark b = Benchmarks.reference("daemonset-label.yaml", "ds-reference", cluster());
        BenchmarkStatus status = steps().runToMetadataState(b, "Complete");

        List<Pod> agents = steps().agentPods("ds-reference");
        assertThat(agents).extracting(p -> p.getSpec().getNodeName())
                .containsExactlyInAnyOrder(cluster().fooBarNode(), cluster().awesomeSauceNode());
        assertThat(cluster().indexes().nodesWithDocuments(status.getUuid(), cluster().nodeNames()))
                .containsExactlyInAnyOrder(cluster().fooBarNode(), cluster().awesomeSauceNode());
        await().atMost(Duration.ofSeconds(60)).until(() -> !steps().jobs("ds-reference").isEmpty());
        Instant jobCreated = Instant.parse(steps().jobs("ds-reference").get(0).getMetadata().getCreationTimestamp());
        for (Pod agent : steps().agentPods("ds-reference")) {
            // creationTimestamp has whole seconds
            Instant ready = ScenarioSteps.readySince(agent).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            assertThat(ready).as("agent on %s ready before the workload was created", agent.getSpec().getNodeName())
                    .isBeforeOrEqualTo(jobCreated);
        }
    }

    @Test
    void twoPodsOnOneNodeCollectOnceAndForceCollectsAgainWithoutDuplicates() {
        Benchmark once = steps().onOneNode("same-node", false);
        BenchmarkStatus status = steps().runToMetadataState(once, "Complete");
        List<String> outcomes = steps().workloadPods("same-node").stream().map(p -> ScenarioSteps.terminationSummary(p).path("status").asText())
                .sorted().toList();
        assertThat(outcomes).as("one pod collected, the other found the node collected").containsExactly("ok", "skipped");
        Map<String, Long> collectedOnce = cluster().indexes().countsByModule(status.getUuid(), cluster().plainNode());
        assertThat(collectedOnce.keySet()).containsAll(NODE_MODULES_EVERYWHERE);

        Benchmark forced = steps().onOneNode("same-node-forced", true);
        BenchmarkStatus forcedStatus = steps().runToMetadataState(forced, "Complete");
        List<JsonNode> summaries = steps().workloadPods("same-node-forced").stream().map(ScenarioSteps::terminationSummary).toList();
        assertThat(summaries).extracting(s -> s.path("status").asText()).containsOnly("ok");
        assertThat(summaries).as("the second forced run found every document already there")
                .anySatisfy(s -> assertThat(s.path("alreadyPresent").asInt()).isPositive());
        // Ids hash the content: facts that did not change between the two forced runs are stored once; facts
        // that changed (free memory, say) are new facts, not duplicates.
        Map<String, Long> forcedCounts = cluster().indexes().countsByModule(forcedStatus.getUuid(), cluster().plainNode());
        for (String stable : List.of("cpuinfo", "cpu_vulnerabilities", "kernel")) {
            assertThat(forcedCounts.get(stable)).as(stable).isEqualTo(collectedOnce.get(stable));
        }
    }

    @Test
    void adHocCollectionWithANewUuidThroughPostAndThroughExec() {
        Benchmark b = Benchmarks.reference("daemonset-label.yaml", "ad-hoc", cluster());
        steps().runToMetadataState(b, "Complete");
        Pod onA = steps().agentPods("ad-hoc").stream().filter(p -> cluster().fooBarNode().equals(p.getSpec().getNodeName())).findFirst().orElseThrow();
        Pod onB = steps().agentPods("ad-hoc").stream().filter(p -> cluster().awesomeSauceNode().equals(p.getSpec().getNodeName())).findFirst().orElseThrow();

        String posted = "adhoc-post-" + UUID.randomUUID();
        assertThat(cluster().postToAgent(onA, "/collect?uuid=" + posted)).isEqualTo(200);
        assertThat(cluster().indexes().countsByModule(posted, cluster().fooBarNode()).keySet()).containsAll(NODE_MODULES_EVERYWHERE);

        String execed = "adhoc-exec-" + UUID.randomUUID();
        AgentExec exec = cluster().execInAgent(onB, List.of("backpack", "-s", cluster().searchServerForPods(),
                "-p", String.valueOf(cluster().searchPortForPods()), "-u", execed, "-n", cluster().awesomeSauceNode(), "--tags", "common",
                "--host-root", "/host"));
        assertThat(exec.exitCode()).as(exec.output()).isZero();
        assertThat(cluster().indexes().countsByModule(execed, cluster().awesomeSauceNode()).keySet()).containsAll(NODE_MODULES_EVERYWHERE);
        assertThat(cluster().indexes().nodesWithDocuments(execed, cluster().nodeNames())).containsExactly(cluster().awesomeSauceNode());
    }

    @Test
    void tagsAndSkipTagsLimitTheModules() {
        Benchmark only = Benchmarks.reference("enable-collection-with-es.yaml", "tags-only", cluster());
        only.getSpec().getMetadata().setStockpileTags(List.of("memory", "cpu"));
        BenchmarkStatus onlyStatus = steps().runToMetadataState(only, "Complete");
        assertThat(cluster().indexes().countsByModule(onlyStatus.getUuid(), null).keySet())
                .containsExactlyInAnyOrder("cpuinfo", "meminfo");

        Benchmark skip = Benchmarks.reference("enable-collection-with-es.yaml", "tags-skip", cluster());
        skip.getSpec().getMetadata().setStockpileSkipTagsSnakeCase(List.of("memory", "cpu"));
        BenchmarkStatus skipStatus = steps().runToMetadataState(skip, "Complete");
        assertThat(cluster().indexes().countsByModule(skipStatus.getUuid(), null).keySet())
                .contains("sysctl", "kernel").doesNotContain("cpuinfo", "meminfo");
    }

    @Test
    void collectionOffInjectsAndCollectsNothing() {
        Benchmark b = Benchmarks.reference("enable-collection-with-es.yaml", "collection-off", cluster());
        b.getSpec().getMetadata().setCollection(false);
        steps().create(b);
        await().atMost(Duration.ofSeconds(60)).until(() -> !steps().workloadPods("collection-off").isEmpty());
        Pod pod = steps().workloadPods("collection-off").get(0);
        assertThat(pod.getSpec().getInitContainers()).isNullOrEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(steps().status("collection-off").getMetadata()).isEqualTo("not collected"));
        assertThat(cluster().indexes().total(steps().status("collection-off").getUuid())).isZero();
    }
}
