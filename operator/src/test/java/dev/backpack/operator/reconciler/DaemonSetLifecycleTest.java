package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.TestBenchmarks;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DaemonSetLifecycleTest {
    static final String NS = "my-ripsaw";
    static final String DS = "backpack-byowl-benchmark";
    OperatorHarness k8s;

    @AfterEach
    void stop() {
        k8s.close();
    }

    DaemonSet startWithDaemonSetBenchmark(Duration timeout) {
        k8s = new OperatorHarness();
        k8s.start(OperatorConfig.defaults().withDaemonSetReadyTimeout(timeout));
        Benchmark benchmark = TestBenchmarks.reference("daemonset-label.yaml");
        k8s.client.resource(benchmark).create();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                k8s.client.apps().daemonSets().inNamespace(NS).withName(DS).get() != null);
        return k8s.client.apps().daemonSets().inNamespace(NS).withName(DS).get();
    }

    void reportAgents(DaemonSet ds, int desired, int ready) {
        DaemonSet latest = k8s.client.resource(ds).get();
        latest.setStatus(new DaemonSetStatusBuilder().withDesiredNumberScheduled(desired).withNumberReady(ready)
                .withCurrentNumberScheduled(desired).withNumberMisscheduled(0).build());
        k8s.client.resource(latest).updateStatus();
    }

    static PodStatus ready(boolean ready) {
        return new PodStatusBuilder().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .addNewContainerStatus().withName("backpack").withReady(ready).withNewState()
                .withNewWaiting().withReason(ready ? null : "CrashLoopBackOff")
                .withMessage(ready ? null : "back-off 40s restarting failed container").endWaiting()
                .endState().endContainerStatus()
                .build();
    }

    @Test
    void workloadStartsOnlyOnceEveryAgentIsReady() {
        DaemonSet ds = startWithDaemonSetBenchmark(Duration.ofMinutes(10));
        k8s.createPod(NS, "agent-a", ds.getSpec().getTemplate(), "node-a", ready(true));
        k8s.createPod(NS, "agent-b", ds.getSpec().getTemplate(), "node-b", ready(false));
        reportAgents(ds, 2, 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status(NS, "byowl-benchmark").getMessage()).contains("1 of 2 agents ready", "node-b"));
        assertThat(k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
        assertThat(k8s.status(NS, "byowl-benchmark").getState()).isEqualTo("Building");

        var agentB = k8s.client.pods().inNamespace(NS).withName("agent-b").get();
        agentB.setStatus(ready(true));
        k8s.client.resource(agentB).updateStatus();
        reportAgents(ds, 2, 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status(NS, "byowl-benchmark");
            assertThat(status.getMetadata()).isEqualTo("Complete");
            assertThat(status.getState()).isEqualTo("Running");
        });
        var jobs = k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getSpec().getTemplate().getSpec().getInitContainers()).isNullOrEmpty();
        // the agents stay until the Benchmark is deleted
        assertThat(k8s.client.apps().daemonSets().inNamespace(NS).withName(DS).get()).isNotNull();
    }

    @Test
    void agentsNotReadyInTimeFailTheBenchmarkNamingTheNodes() {
        DaemonSet ds = startWithDaemonSetBenchmark(Duration.ofMinutes(10));
        k8s.createPod(NS, "agent-a", ds.getSpec().getTemplate(), "node-a", ready(true));
        k8s.createPod(NS, "agent-b", ds.getSpec().getTemplate(), "node-b", ready(false));
        reportAgents(ds, 2, 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status(NS, "byowl-benchmark").getMessage()).contains("1 of 2 agents ready"));
        assertThat(k8s.status(NS, "byowl-benchmark").getState()).isEqualTo("Building");

        k8s.clock.skip(Duration.ofMinutes(11));
        // the kubelet keeps reporting the crash loop: that event makes the operator look again
        var agentB = k8s.client.pods().inNamespace(NS).withName("agent-b").get();
        agentB.getStatus().getContainerStatuses().get(0).setRestartCount(7);
        k8s.client.resource(agentB).updateStatus();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status(NS, "byowl-benchmark");
            assertThat(status.getState()).isEqualTo("Failed");
            assertThat(status.getMetadata()).isEqualTo("Failed");
            assertThat(status.getMessage()).contains("not Ready within 10m", "node-b", "agent-b", "CrashLoopBackOff")
                    .doesNotContain("node-a");
        });
        assertThat(k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
    }
}
