package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.TestBenchmarks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** BACKPACK_WATCH_NAMESPACES and BACKPACK_LEADER_ELECTION, against the running operator. */
class OperatorConfigurationTest {
    OperatorHarness k8s;

    @BeforeEach
    void server() {
        k8s = new OperatorHarness();
    }

    @AfterEach
    void stop() {
        k8s.close();
    }

    Benchmark in(String namespace) {
        Benchmark b = TestBenchmarks.reference("enable-collection-with-es.yaml");
        b.getMetadata().setNamespace(namespace);
        return k8s.client.resource(b).create();
    }

    @Test
    void watchesOnlyTheListedNamespaces() {
        k8s.start(OperatorConfig.fromEnv(Map.of("BACKPACK_WATCH_NAMESPACES", "bench-a,bench-b")));
        in("bench-b");
        in("elsewhere");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status("bench-b", "byowl-benchmark").getState()).isEqualTo("Running"));
        assertThat(k8s.status("elsewhere", "byowl-benchmark").getUuid()).isNull();
        assertThat(k8s.client.batch().v1().jobs().inNamespace("elsewhere").list().getItems()).isEmpty();
    }

    @Test
    void leaderElectionTakesTheLeaseThenReconciles() {
        k8s.start(OperatorConfig.fromEnv(Map.of("BACKPACK_LEADER_ELECTION", "true",
                "BACKPACK_LEASE_NAMESPACE", "backpack")));
        await().atMost(Duration.ofSeconds(30)).until(() -> k8s.leadership.reconciling());
        in("bench-a");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(k8s.status("bench-a", "byowl-benchmark").getState()).isEqualTo("Running"));
        var lease = k8s.client.leases().inNamespace("backpack").withName("backpack-operator-lease").get();
        assertThat(lease).isNotNull();
        assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
    }

    @Test
    void aMountedTemplateDirectoryAddsAWorkload(@TempDir Path templates) throws Exception {
        Path dir = Files.createDirectories(templates.resolve("sleeper"));
        Files.writeString(dir.resolve("workload.yaml.ftl"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: "sleeper-${shortUuid}"
                spec:
                  containers:
                    - name: sleep
                      image: "${args.image}"
                """);
        k8s.start(OperatorConfig.fromEnv(Map.of("BACKPACK_TEMPLATE_DIR", templates.toString())));
        Benchmark b = TestBenchmarks.parse(TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("    name: byowl\n", "    name: sleeper\n"));
        k8s.client.resource(b).create();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(k8s.status("my-ripsaw", "byowl-benchmark").getState()).isEqualTo("Running"));
        String uuid = k8s.status("my-ripsaw", "byowl-benchmark").getUuid();
        var pod = k8s.client.pods().inNamespace("my-ripsaw").withName("sleeper-" + uuid.substring(0, 8)).get();
        assertThat(pod.getSpec().getInitContainers()).extracting(c -> c.getName()).containsExactly("backpack");
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("byowl-benchmark"));
    }
}
