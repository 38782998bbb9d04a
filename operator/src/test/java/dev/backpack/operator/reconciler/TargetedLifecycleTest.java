package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.TestBenchmarks;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TargetedLifecycleTest {
    static final String NS = "my-ripsaw";
    OperatorHarness k8s;

    @BeforeEach
    void start() {
        k8s = new OperatorHarness();
        k8s.start(OperatorConfig.defaults().withRedis("backpack-redis.backpack.svc", 6379));
    }

    @AfterEach
    void stop() {
        k8s.close();
    }

    static PodStatus agentExited(int code, String message) {
        return new PodStatusBuilder().withPhase(code == 0 ? "Running" : "Failed")
                .withInitContainerStatuses(new ContainerStatusBuilder().withName("backpack").withNewState()
                        .withNewTerminated().withExitCode(code).withMessage(message).withReason(code == 0 ? "Completed" : "Error")
                        .endTerminated().endState().build())
                .build();
    }

    Job awaitJob(String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !k8s.client.batch().v1().jobs().inNamespace(NS)
                .withLabel("backpack.dev/benchmark", name).list().getItems().isEmpty());
        return k8s.client.batch().v1().jobs().inNamespace(NS).withLabel("backpack.dev/benchmark", name).list()
                .getItems().get(0);
    }

    @Test
    void targetedSuccessGoesRunningCollectingCompleteThenComplete() {
        Benchmark b = TestBenchmarks.reference("enable-collection-with-es.yaml");
        k8s.client.resource(b).create();

        Job job = awaitJob("byowl-benchmark");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status(NS, "byowl-benchmark");
            assertThat(status.getState()).isEqualTo("Running");
            assertThat(status.getMetadata()).isEqualTo("Collecting");
        });
        String uuid = k8s.status(NS, "byowl-benchmark").getUuid();
        assertThat(uuid).isNotBlank();
        assertThat(job.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Benchmark"));
        assertThat(job.getSpec().getTemplate().getSpec().getInitContainers().get(0).getArgs())
                .contains("-u=" + uuid, "--redisip=backpack-redis.backpack.svc");

        k8s.createPod(NS, "byowl-pod-1", job.getSpec().getTemplate(), "node-a", agentExited(0, ""));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status(NS, "byowl-benchmark").getMetadata()).isEqualTo("Complete"));

        job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
                .addNewCondition().withType("Complete").withStatus("True").endCondition().build());
        k8s.client.resource(job).updateStatus();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status(NS, "byowl-benchmark");
            assertThat(status.getState()).isEqualTo("Complete");
            assertThat(status.getUuid()).isEqualTo(uuid);
            assertThat(status.getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                    .containsExactly("Validated=True", "MetadataCollected=True", "WorkloadReady=True");
        });
    }

    @Test
    void agentFailureFailsTheBenchmarkWithItsTerminationMessage() {
        Benchmark b = TestBenchmarks.reference("enable-collection-with-es.yaml");
        k8s.client.resource(b).create();
        Job job = awaitJob("byowl-benchmark");
        k8s.createPod(NS, "byowl-pod-1", job.getSpec().getTemplate(), "node-b",
                agentExited(1, "cannot reach my.elastic.server.foo:9200: connection refused"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status(NS, "byowl-benchmark");
            assertThat(status.getState()).isEqualTo("Failed");
            assertThat(status.getMetadata()).isEqualTo("Failed");
            assertThat(status.getMessage()).contains("node-b", "byowl-pod-1", "exit 1",
                    "cannot reach my.elastic.server.foo:9200: connection refused");
        });
    }

}
