package dev.backpack.e2e.scenario;

import dev.backpack.e2e.sim.AgentExec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.ExecWatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real cluster (kind in CI) with the chart installed in {@link #NAMESPACE} (its release namespace, where
 * the chart's agent ServiceAccount lives): the test deploys a single-node OpenSearch there, labels three
 * workers as the reference's examples expect, and reaches pods through port-forwards and exec.
 */
final class KindEnvironment implements ClusterUnderTest, AutoCloseable {
    static final String NAMESPACE = System.getProperty("backpack.kind.namespace", "backpack");
    private final KubernetesClient client;
    private final List<String> workers;
    private final LocalPortForward searchForward;
    private final SearchIndexes indexes;
    private final HttpClient http = HttpClient.newHttpClient();

    KindEnvironment(KubernetesClient client) {
        this.client = client;
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).serverSideApply();
        workers = client.nodes().list().getItems().stream()
                .filter(n -> n.getMetadata().getLabels() == null
                        || !n.getMetadata().getLabels().containsKey("node-role.kubernetes.io/control-plane"))
                .map(n -> n.getMetadata().getName()).sorted().toList();
        if (workers.size() < 3) {
            throw new IllegalStateException("the kind tier needs 3 worker nodes (e2e/src/test/resources/kind/cluster.yaml), found "
                    + workers);
        }
        label(workers.get(0), "foo", "bar");
        label(workers.get(1), "awesome", "sauce");
        try (InputStream manifest = KindEnvironment.class.getResourceAsStream("/kind/opensearch.yaml")) {
            for (HasMetadata object : client.load(manifest).items()) {
                client.resource(object).inNamespace(NAMESPACE).serverSideApply();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            var d = client.apps().deployments().inNamespace(NAMESPACE).withName("opensearch").get();
            return d != null && d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas());
        });
        searchForward = client.services().inNamespace(NAMESPACE).withName("opensearch").portForward(9200);
        indexes = new SearchIndexes("http://127.0.0.1:" + searchForward.getLocalPort());
    }

    private void label(String node, String key, String value) {
        client.nodes().withName(node).edit(n -> {
            n.getMetadata().getLabels().put(key, value);
            return n;
        });
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public String searchServerForPods() {
        return "http://opensearch." + NAMESPACE + ".svc";
    }

    @Override
    public int searchPortForPods() {
        return 9200;
    }

    @Override
    public SearchIndexes indexes() {
        return indexes;
    }

    @Override
    public List<String> nodeNames() {
        return client.nodes().list().getItems().stream().map(Node::getMetadata).map(m -> m.getName()).sorted().toList();
    }

    @Override
    public String agentServiceAccount() {
        return "backpack-agent";
    }

    @Override
    public String fooBarNode() {
        return workers.get(0);
    }

    @Override
    public String awesomeSauceNode() {
        return workers.get(1);
    }

    @Override
    public String plainNode() {
        return workers.get(2);
    }

    @Override
    public int postToAgent(Pod pod, String pathAndQuery) {
        try (LocalPortForward forward = client.pods().inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).portForward(8080)) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.getLocalPort() + pathAndQuery))
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public AgentExec execInAgent(Pod pod, List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExecWatch watch = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .inContainer("backpack").writingOutput(out).writingError(out).exec(argv.toArray(String[]::new))) {
            Integer exit = watch.exitCode().get(3, TimeUnit.MINUTES);
            return new AgentExec(exit == null ? -1 : exit, out.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("exec into " + pod.getMetadata().getName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            searchForward.close();
        } catch (IOException e) {
            // the forward ends with the test run anyway
        }
        client.resources(dev.backpack.model.v1alpha1.Benchmark.class).inNamespace(NAMESPACE).delete();
        client.apps().deployments().inNamespace(NAMESPACE).withName("opensearch").delete();
        client.services().inNamespace(NAMESPACE).withName("opensearch").delete();
        client.close();
    }
}
