package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.BenchmarkStatus;
import dev.backpack.operator.BackpackOperator;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.probes.Leadership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.javaoperatorsdk.operator.Operator;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The real operator, in-process, against fabric8's CRUD mock API server (no kubelet, no garbage
 * collector, no CEL): tests play the kubelet by creating pods and patching statuses.
 */
final class OperatorHarness implements AutoCloseable {
    final KubernetesMockServer server;
    final KubernetesClient client;
    private Operator operator;
    Leadership leadership;
    /** The operator's clock: real time plus whatever a test skips ahead. */
    final TestClock clock = new TestClock();

    OperatorHarness() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init();
        // The CRUD mock has no authorization API; leader election asks whether it may use Leases.
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().addNewResourceRule()
                        .withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("*")
                        .endResourceRule().withIncomplete(false).endStatus().build())
                .always();
        client = server.createClient();
        client.resource(chartCrd()).create();
    }

    void start(OperatorConfig config) {
        leadership = new Leadership(config.leaderElection());
        operator = BackpackOperator.create(config, client, leadership, false, clock);
        operator.start();
    }

    void stop() {
        if (operator != null) {
            operator.stop();
            operator = null;
        }
    }

    static final class TestClock extends Clock {
        private volatile Duration skipped = Duration.ZERO;

        void skip(Duration duration) {
            skipped = skipped.plus(duration);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(skipped);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The Benchmark's status; an empty one while the operator has not written any (or it does not exist). */
    BenchmarkStatus status(String namespace, String name) {
        Benchmark benchmark = get(namespace, name);
        return benchmark == null || benchmark.getStatus() == null ? new BenchmarkStatus() : benchmark.getStatus();
    }

    Benchmark get(String namespace, String name) {
        return client.resources(Benchmark.class).inNamespace(namespace).withName(name).get();
    }

    /** Plays the kubelet: a pod from a pod template, scheduled on a node, with the given status. */
    Pod createPod(String namespace, String name, PodTemplateSpec template, String node,
                  io.fabric8.kubernetes.api.model.PodStatus status) {
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                        .withLabels(template.getMetadata().getLabels()).build())
                .withSpec(template.getSpec())
                .build();
        pod.getSpec().setNodeName(node);
        Pod created = client.resource(pod).create();
        created.setStatus(status);
        return client.resource(created).updateStatus();
    }

    static Map<String, String> labels(HasMetadata object) {
        return object.getMetadata().getLabels();
    }

    private static CustomResourceDefinition chartCrd() {
        String path = System.getProperty("backpack.chartCrd", "../charts/backpack/crds/benchmarks.ripsaw.cloudbulldozer.io-v1.yml");
        try (InputStream in = new FileInputStream(path)) {
            return new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        client.close();
        server.destroy();
    }
}
