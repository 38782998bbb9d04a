package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Every simulated node's kubelet in one: binds unscheduled pods (the scheduler's job), starts a
 * {@link PodWorker} for each new pod, and stops the workers of deleted pods. Each pod gets its own
 * loopback address as its IP, so servers in different pods can use the same port as they would on a
 * real cluster.
 */
final class Kubelet implements AutoCloseable {
    private final KubernetesClient client;
    private final AgentLauncher launcher;
    private final Scheduler scheduler;
    private final Path workDir;
    private final Path nodeRoot;
    private final Map<String, PodWorker> workers = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sim-kubelet");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger nextIp = new AtomicInteger(1);

    /**
     * How containers reach the API server: a kubeconfig naming the mock API, standing in for the
     * in-cluster service address and token a real pod gets.
     */
    private final Map<String, String> apiAccess;

    Kubelet(KubernetesClient client, AgentLauncher launcher, Scheduler scheduler, Path workDir, Path nodeRoot) {
        this.client = client;
        this.apiAccess = Map.of("KUBECONFIG", writeKubeconfig(workDir, client.getConfiguration().getMasterUrl()).toString());
        this.launcher = launcher;
        this.scheduler = scheduler;
        this.workDir = workDir;
        this.nodeRoot = nodeRoot;
    }

    private static Path writeKubeconfig(Path workDir, String server) {
        try {
            java.nio.file.Files.createDirectories(workDir);
            return java.nio.file.Files.writeString(workDir.resolve("kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: simulated
                      cluster:
                        server: %s
                    users:
                    - name: agent
                      user:
                        token: simulated-service-account-token
                    contexts:
                    - name: simulated
                      context:
                        cluster: simulated
                        user: agent
                        namespace: default
                    current-context: simulated
                    """.formatted(server.replaceAll("/+$", "")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void sync() {
        Map<String, Pod> pods = client.pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .collect(Collectors.toMap(Kubelet::key, p -> p, (a, b) -> a));
        for (Pod pod : pods.values()) {
            if (pod.getSpec().getNodeName() == null) {
                bind(pod);
            } else if (!workers.containsKey(key(pod)) && !finished(pod)) {
                PodWorker worker = new PodWorker(client, launcher, pod, PodNetwork.nth(nextIp.getAndIncrement()),
                        workDir.resolve(key(pod).replace('/', '_')), nodeRoot, apiAccess);
                workers.put(key(pod), worker);
                pool.submit(worker);
            }
        }
        Set<String> gone = workers.keySet().stream().filter(k -> !pods.containsKey(k)).collect(Collectors.toSet());
        for (String key : gone) {
            PodWorker worker = workers.remove(key);
            pool.submit(worker::stop);
        }
    }

    private void bind(Pod pod) {
        Optional<String> node = scheduler.pick(pod.getSpec());
        node.ifPresent(n -> client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .edit(p -> {
                    p.getSpec().setNodeName(n);
                    return p;
                }));
    }

    private static boolean finished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    Optional<PodWorker> worker(String namespace, String name) {
        return Optional.ofNullable(workers.get(namespace + "/" + name));
    }

    @Override
    public void close() {
        workers.values().forEach(PodWorker::stop);
        workers.clear();
        pool.shutdownNow();
    }
}
