package dev.backpack.agent.run;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.FakeCommands;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.k8s.TestNodes;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.Fixtures;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;
import dev.backpack.contract.TagSelection;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class CollectionRunnerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    KubernetesClient client;

    static RunSettings settings(String node, List<String> tags, KubernetesAccess kubernetes) {
        return new RunSettings("uuid-1", node, "pod-1", Fixtures.root("baremetal-sriov"), TagSelection.of(tags, List.of()),
                kubernetes, new FakeCommands(Map.of()), "x86_64");
    }

    @Test
    void documentsCarryTheRunIdentityAndTheRawResultEveryModule() {
        CapturingSink sink = new CapturingSink();
        RunSummary summary = new CollectionRunner(new CollectorCatalog(), CLOCK, "1.2.3")
                .run(settings("node-a", List.of("cpu", "memory", "nvidia"), KubernetesAccess.none("none")), sink);

        assertThat(summary.ok()).isTrue();
        assertThat(summary.modules()).extracting(m -> m.module().moduleName() + "=" + m.status().label())
                .containsExactly("cpuinfo=ok", "meminfo=ok", "nvidia_smi=skipped");
        assertThat(sink.documents).hasSize(2).allSatisfy(d -> {
            assertThat(d.host()).isEqualTo("node-a");
            assertThat(d.nodeName()).isEqualTo("node-a");
            assertThat(d.podName()).isEqualTo("pod-1");
            assertThat(d.uuid()).isEqualTo("uuid-1");
            assertThat(d.timestamp()).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(d.backpackVersion()).isEqualTo("1.2.3");
        });
        assertThat(sink.raw.facts()).containsOnlyKeys("cpuinfo", "meminfo", "nvidia_smi");
        assertThat(sink.raw.facts().get("nvidia_smi")).isEqualTo(Map.of("skipped",
                "nvidia-smi is not installed (no NVIDIA driver on this node)"));
    }

    @Test
    void aFailingCollectorGetsAnErrorRecordAndTheOthersStillRun() {
        CollectorCatalog real = new CollectorCatalog();
        CapturingSink sink = new CapturingSink();
        RunSummary summary = new CollectionRunner((module, ctx) -> module == MetadataModule.MEMINFO
                ? failing(module) : real.create(module, ctx), CLOCK, "v")
                .run(settings("n", List.of("cpu", "memory", "sysctl"), KubernetesAccess.none("none")), sink);

        assertThat(summary.ok()).isFalse();
        assertThat(summary.collectionOk()).isFalse();
        assertThat(summary.deliveryOk()).isTrue();
        ModuleOutcome memory = summary.modules().get(1);
        assertThat(memory.status()).isEqualTo(ModuleStatus.ERROR);
        assertThat(memory.reason()).isEqualTo("meminfo exploded");
        assertThat(summary.modules().get(2).status()).isEqualTo(ModuleStatus.OK);
        assertThat(sink.raw.facts().get("meminfo")).isEqualTo(Map.of("error", "meminfo exploded"));
        assertThat(sink.documents).extracting(MetadataDocument::module).contains("cpuinfo", "sysctl").doesNotContain("meminfo");
    }

    @Test
    void aSinkThatThrowsIsADeliveryErrorNotACrash() {
        DocumentSink broken = new DocumentSink() {
            @Override
            public DeliveryReport deliver(List<MetadataDocument> documents, RawResultDocument raw) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public String describe() {
                return "broken";
            }
        };
        RunSummary summary = new CollectionRunner().run(settings("n", List.of("cpu"), KubernetesAccess.none("none")), broken);
        assertThat(summary.collectionOk()).isTrue();
        assertThat(summary.ok()).isFalse();
        assertThat(summary.deliveryError()).isEqualTo("disk full");
    }

    @Test
    void kubernetesModulesThroughTheRunner() {
        client.nodes().resource(TestNodes.node("worker-0", "10.0.0.10")).create();
        CapturingSink sink = new CapturingSink();
        RunSummary summary = new CollectionRunner().run(settings("worker-0", List.of("k8s"),
                KubernetesAccess.shared(client)), sink);

        assertThat(summary.ok()).isTrue();
        assertThat(sink.documents).extracting(MetadataDocument::module).containsExactly("k8s_nodes", "k8s_cluster_info");
        assertThat(client.nodes().list().getItems()).hasSize(1); // the shared client is still open
    }

    @Test
    void cluster_factsFromManyNodesHaveOneId() {
        client.nodes().resource(TestNodes.node("worker-0", "10.0.0.10")).create();
        CollectionRunner runner = new CollectionRunner();
        CapturingSink a = new CapturingSink();
        CapturingSink b = new CapturingSink();
        runner.run(settings("worker-0", List.of("k8s_nodes", "cpu"), KubernetesAccess.shared(client)), a);
        runner.run(settings("worker-1", List.of("k8s_nodes", "cpu"), KubernetesAccess.shared(client)), b);

        assertThat(a.documents.get(0).id()).isNotEqualTo(b.documents.get(0).id()); // cpuinfo: per node
        assertThat(a.documents.get(1).id()).isEqualTo(b.documents.get(1).id());    // k8s_nodes: cluster-wide
    }

    @Test
    void concurrentRunsWithDifferentNodeNamesDoNotMix() throws Exception {
        CollectionRunner runner = new CollectionRunner();
        int expected = runner.run(settings("reference", List.of("common"), KubernetesAccess.none("none")),
                new CapturingSink()).documents();
        assertThat(expected).isGreaterThan(40);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CapturingSink>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String node = "sim-" + i;
                futures.add(pool.submit(() -> {
                    CapturingSink sink = new CapturingSink();
                    RunSummary summary = runner.run(settings(node, List.of("common"), KubernetesAccess.none("none")), sink);
                    assertThat(summary.ok()).isTrue();
                    return sink;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                CapturingSink sink = futures.get(i).get();
                String node = "sim-" + i;
                assertThat(sink.documents).hasSize(expected).allSatisfy(d -> assertThat(d.host()).isEqualTo(node));
                assertThat(sink.raw.nodeName()).isEqualTo(node);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Collector failing(MetadataModule module) {
        return new Collector() {
            @Override
            public MetadataModule module() {
                return module;
            }

            @Override
            public ModuleFacts collect() {
                throw new IllegalStateException("meminfo exploded");
            }
        };
    }
}
