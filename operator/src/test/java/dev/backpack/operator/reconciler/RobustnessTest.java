package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.TestBenchmarks;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad Benchmarks fail alone and clearly; a restarted operator picks up where it left off. */
class RobustnessTest {
    static final String NS = "my-ripsaw";
    OperatorHarness k8s;

    @BeforeEach
    void start() {
        k8s = new OperatorHarness();
        k8s.start(OperatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        k8s.close();
    }

    static Benchmark named(String name, String yaml) {
        return TestBenchmarks.parse(yaml.replace("name: byowl-benchmark", "name: " + name));
    }

    void awaitFailed(String name, String... messageParts) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Benchmark benchmark = k8s.get(NS, name);
            assertThat(benchmark).as(name).isNotNull();
            var status = benchmark.getStatus();
            assertThat(status).as(name).isNotNull();
            assertThat(status.getState()).isEqualTo("Failed");
            assertThat(status.getMessage()).contains(messageParts);
            assertThat(status.getUuid()).isNotBlank();
            assertThat(status.getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Validated");
                assertThat(c.getStatus()).isEqualTo("False");
            });
        });
    }

    @Test
    void badBenchmarksFailWithTheFieldAndTheOthersRun() {
        String good = TestBenchmarks.read("reference/enable-collection-with-es.yaml");
        k8s.client.resource(named("no-server", TestBenchmarks.read("reference/enable-collection.yaml"))).create();
        k8s.client.resource(named("unknown-workload", good.replace("    name: byowl\n", "    name: uperf\n"))).create();
        k8s.client.resource(named("bad-tags", good.replace("collection: true",
                "collection: true\n    stockpileTags: [\"cpu\", \"gpus\"]"))).create();
        k8s.client.resource(named("bad-label", good.replace("collection: true",
                "collection: true\n    targeted: false\n    label: [[\"foo\"]]"))).create();
        k8s.client.resource(named("bad-args", good.replace("clients: 1", "clients: 0"))).create();
        k8s.client.resource(named("good", good)).create();

        awaitFailed("no-server", "metadata collection needs spec.elasticsearch.server");
        awaitFailed("unknown-workload", "spec.workload.name", "unknown workload 'uperf'", "byowl");
        awaitFailed("bad-tags", "spec.metadata.stockpileTags", "gpus");
        awaitFailed("bad-label", "spec.metadata.label[0]", "[key, value] pair");
        awaitFailed("bad-args", "spec.workload.args.clients", "byowl/workload.yaml.ftl line");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status(NS, "good").getState()).isEqualTo("Running"));
        assertThat(k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems())
                .extracting(j -> j.getMetadata().getLabels().get("backpack.dev/benchmark")).containsExactly("good");
    }

    @Test
    void fixingABadBenchmarkRunsIt() {
        k8s.client.resource(named("fix-me", TestBenchmarks.read("reference/enable-collection.yaml"))).create();
        awaitFailed("fix-me", "spec.elasticsearch.server");
        String uuid = k8s.status(NS, "fix-me").getUuid();
        Benchmark fixed = k8s.get(NS, "fix-me");
        fixed.getSpec().setElasticsearch(new dev.backpack.model.v1alpha1.ElasticsearchSpec());
        fixed.getSpec().getElasticsearch().setServer("my.elastic.server.foo");
        fixed.getMetadata().setGeneration(fixed.getMetadata().getGeneration() + 1);
        k8s.client.resource(fixed).update();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status(NS, "fix-me");
            assertThat(status.getState()).isEqualTo("Running");
            assertThat(status.getUuid()).isEqualTo(uuid);
        });
    }

    @Test
    void restartMidBenchmarkKeepsTheUuidAndFinishesTheStatus() {
        k8s.client.resource(TestBenchmarks.reference("enable-collection-with-es.yaml")).create();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status(NS, "byowl-benchmark").getState()).isEqualTo("Running"));
        String uuid = k8s.status(NS, "byowl-benchmark").getUuid();
        Job job = k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems().get(0);

        k8s.stop();
        // while the operator is down, the agent finishes and the Job completes
        k8s.createPod(NS, "byowl-pod-1", job.getSpec().getTemplate(), "node-a", TargetedLifecycleTest.agentExited(0, ""));
        job.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
                .addNewCondition().withType("Complete").withStatus("True").endCondition().build());
        k8s.client.resource(job).updateStatus();
        k8s.start(OperatorConfig.defaults());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status(NS, "byowl-benchmark");
            assertThat(status.getState()).isEqualTo("Complete");
            assertThat(status.getMetadata()).isEqualTo("Complete");
            assertThat(status.getUuid()).isEqualTo(uuid);
        });
        assertThat(k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems()).singleElement()
                .satisfies(j -> assertThat(j.getMetadata().getName()).isEqualTo("byowl-" + uuid.substring(0, 8)));
    }

    @Test
    void deletingTheBenchmarkLeavesCleanupToTheGarbageCollector() {
        k8s.client.resource(TestBenchmarks.reference("enable-collection-with-es.yaml")).create();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems().isEmpty());
        String uid = k8s.get(NS, "byowl-benchmark").getMetadata().getUid();
        Job job = k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems().get(0);
        // the mock server has no garbage collector: what deletes the Job on a cluster is this reference
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getUid()).isEqualTo(uid);
            assertThat(o.getController()).isTrue();
        });
        k8s.client.resource(k8s.get(NS, "byowl-benchmark")).delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> k8s.get(NS, "byowl-benchmark") == null);
        // the operator keeps working for other Benchmarks after the deletion
        k8s.client.resource(named("next", TestBenchmarks.read("reference/enable-collection-with-es.yaml"))).create();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status(NS, "next").getState()).isEqualTo("Running"));
    }
}
