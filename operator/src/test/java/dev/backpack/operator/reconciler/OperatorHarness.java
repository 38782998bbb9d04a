package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.BackpackOperator;
import dev.backpack.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The real operator, in-process, against fabric8's CRUD mock API server (no kubelet, no garbage
 * collector, no CEL): tests play the kubelet by creating pods and patching statuses.
 */
final class OperatorHarness implements AutoCloseable {
    final KubernetesMockServer server;
    final KubernetesClient client;
    private Operator operator;

    OperatorHarness() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        client.resource(chartCrd()).create();
    }

    void start(OperatorConfig config) {
        operator = BackpackOperator.create(config, client);
        operator.start();
    }

    void stop() {
        if (operator != null) {
            operator.stop();
            operator = null;
        }
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
