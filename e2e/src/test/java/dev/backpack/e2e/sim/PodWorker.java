package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's work for one pod, in order: init containers one by one, then the containers, to their
 * end (restartPolicy Never or OnFailure) or serving and probed for readiness until the pod is deleted
 * (Always). Running the containers, probing them and writing the status are each their own class.
 */
final class PodWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final PodNetwork network;
    private final ContainerProcesses containers;
    private final ReadinessProbe readinessProbe;
    private final PodStatusWriter status;
    private volatile boolean stopped;

    PodWorker(KubernetesClient client, AgentLauncher launcher, Pod pod, PodNetwork network, Path podDir, Path nodeRoot,
              Map<String, String> apiAccess) {
        this.client = client;
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.network = network;
        this.containers = new ContainerProcesses(client, launcher, network, podDir, nodeRoot, apiAccess);
        this.readinessProbe = new ReadinessProbe(network);
        this.status = new PodStatusWriter(client, namespace, name, network, () -> stopped);
    }

    @Override
    public void run() {
        try {
            runPod();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warn("pod {}/{} failed in the simulator: {}", namespace, name, e.toString());
                status.failed(e.getMessage());
            }
        }
    }

    /** The pod was deleted: its containers are terminated and its status is no longer written. */
    void stop() {
        stopped = true;
        containers.stopAll();
    }

    /** Ends the pod's agent processes abruptly, as a node crash or OOM kill would. */
    void kill() {
        containers.killAll();
    }

    /** {@code kubectl exec} into one of the pod's containers. */
    AgentExec exec(String containerName, List<String> argv) {
        Pod pod = current();
        Container c = pod.getSpec().getContainers().stream().filter(x -> x.getName().equals(containerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no container " + containerName + " in " + name));
        return containers.exec(pod, c, argv);
    }

    String podIp() {
        return network.ip();
    }

    Path logOf(String container) {
        return containers.logOf(container);
    }

    private void runPod() {
        Pod pod = current();
        if (pod == null) {
            return;
        }
        List<Container> inits = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
        List<Container> regular = pod.getSpec().getContainers();
        status.pending(inits, regular);
        pod = current();
        for (int i = 0; i < inits.size() && !stopped; i++) {
            Container init = inits.get(i);
            ContainerExit exit = containers.runToCompletion(pod, init);
            status.initContainerExited(i, init, exit);
            if (!exit.succeeded()) {
                status.initContainerFailed(init, exit, pod.getSpec().getRestartPolicy());
                return;
            }
        }
        if (stopped) {
            return;
        }
        status.initialized();
        String restartPolicy = pod.getSpec().getRestartPolicy();
        if (restartPolicy == null || "Always".equals(restartPolicy)) {
            runServing(pod, regular);
        } else {
            runBatch(pod, regular);
        }
    }

    private void runBatch(Pod pod, List<Container> regular) {
        List<ContainerExit> exits = new ArrayList<>();
        for (Container c : regular) {
            exits.add(containers.runToCompletion(pod, c));
        }
        status.containersExited(regular, exits);
    }

    private void runServing(Pod pod, List<Container> regular) {
        containers.startAgents(pod, regular);
        status.running(regular);
        boolean ready = false;
        while (!stopped) {
            boolean nowReady = regular.stream().allMatch(c -> containers.isUp(c) && readinessProbe.passes(c));
            if (nowReady != ready) {
                ready = nowReady;
                status.readiness(regular, ready);
            }
            containers.restartExited(pod, regular);
            pause(ready ? 500 : 150);
        }
    }

    private Pod current() {
        return client.pods().inNamespace(namespace).withName(name).get();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the simulated kubelet's probe period, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
