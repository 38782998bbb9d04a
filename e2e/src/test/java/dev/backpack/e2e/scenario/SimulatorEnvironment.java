package dev.backpack.e2e.scenario;

import dev.backpack.e2e.servers.Servers;
import dev.backpack.e2e.sim.AgentExec;
import dev.backpack.e2e.sim.AgentLauncher;
import dev.backpack.e2e.sim.SimNode;
import dev.backpack.e2e.sim.SimulatedCluster;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.BackpackOperator;
import dev.backpack.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The here-runnable cluster: fabric8's CRUD mock API, the real operator in-process, the node simulator
 * running real agent processes, and the shared real OpenSearch and Redis.
 */
public final class SimulatorEnvironment implements ClusterUnderTest, AutoCloseable {
    public static final String NAMESPACE = "my-ripsaw";
    public static final List<SimNode> NODES = List.of(
            SimNode.worker("worker-a", Map.of("foo", "bar")),
            SimNode.worker("worker-b", Map.of("awesome", "sauce")),
            SimNode.worker("worker-c"),
            SimNode.controlPlane("master-0"));

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final SimulatedCluster cluster;
    private final SearchIndexes indexes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private OperatorConfig config;
    private Operator operator;

    private SimulatorEnvironment(Path work, OperatorConfig config) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        client.resource(chartCrd()).create();
        AgentLauncher launcher = AgentLauncher.forAgentJar(agentJar(), work,
                "-Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto");
        cluster = SimulatedCluster.start(client, launcher, work, NODES);
        indexes = new SearchIndexes(Servers.openSearch().url());
        this.config = config;
        startOperator();
    }

    /** With the shared Redis for de-duplication, as the chart deploys it. */
    public static SimulatorEnvironment start(Path work) {
        return start(work, OperatorConfig.defaults().withRedis(Servers.redis().host(), Servers.redis().port())
                .withDaemonSetReadyTimeout(Duration.ofMinutes(2)));
    }

    public static SimulatorEnvironment start(Path work, OperatorConfig config) {
        return new SimulatorEnvironment(work, config);
    }

    public void startOperator() {
        operator = BackpackOperator.create(config, client);
        operator.start();
    }

    public void stopOperator() {
        if (operator != null) {
            operator.stop();
            operator = null;
        }
    }

    public SimulatedCluster cluster() {
        return cluster;
    }

    public Benchmark benchmark(String name) {
        return client.resources(Benchmark.class).inNamespace(NAMESPACE).withName(name).get();
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
        return "http://127.0.0.1";
    }

    @Override
    public int searchPortForPods() {
        return Servers.openSearch().port();
    }

    @Override
    public SearchIndexes indexes() {
        return indexes;
    }

    @Override
    public List<String> nodeNames() {
        return NODES.stream().map(SimNode::name).toList();
    }

    @Override
    public String fooBarNode() {
        return "worker-a";
    }

    @Override
    public String awesomeSauceNode() {
        return "worker-b";
    }

    @Override
    public String plainNode() {
        return "worker-c";
    }

    @Override
    public int postToAgent(Pod pod, String pathAndQuery) {
        String ip = cluster.podIp(pod.getMetadata().getNamespace(), pod.getMetadata().getName())
                .orElseThrow(() -> new IllegalStateException("pod " + pod.getMetadata().getName() + " is not running"));
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://" + ip + ":8080" + pathAndQuery))
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
        return cluster.exec(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), "backpack", argv);
    }

    static Path agentJar() {
        return Path.of(System.getProperty("backpack.agentJar", "../agent/target/backpack.jar"));
    }

    private static CustomResourceDefinition chartCrd() {
        Path crd = Path.of(System.getProperty("backpack.chartCrd", "../charts/backpack/crds/benchmarks.ripsaw.cloudbulldozer.io-v1.yml"));
        try (InputStream in = Files.newInputStream(crd)) {
            return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stopOperator();
        cluster.close();
        client.close();
        server.destroy();
    }
}
