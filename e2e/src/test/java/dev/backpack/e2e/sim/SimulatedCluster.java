package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A kubelet-and-controllers stand-in over a Kubernetes API (fabric8's CRUD mock here): it holds Node
 * objects, plays the scheduler, the Job and DaemonSet controllers and the garbage collector, and runs
 * every backpack container's rendered command line as a real agent process. All simulated nodes share
 * this machine's /proc and /sys as their host filesystem.
 */
public final class SimulatedCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCluster.class);

    private final KubernetesClient client;
    private final Kubelet kubelet;
    private final List<Runnable> controllers;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-controllers");
        t.setDaemon(true);
        return t;
    });

    private SimulatedCluster(KubernetesClient client, AgentLauncher launcher, Path workDir) {
        this.client = client;
        Scheduler scheduler = new Scheduler(client);
        this.kubelet = new Kubelet(client, launcher, scheduler, workDir, Path.of("/"));
        GarbageCollector gc = new GarbageCollector(client);
        JobController jobs = new JobController(client, scheduler);
        DaemonSetController daemonSets = new DaemonSetController(client, scheduler);
        this.controllers = List.of(gc::sync, jobs::sync, daemonSets::sync, kubelet::sync);
    }

    public static SimulatedCluster start(KubernetesClient client, AgentLauncher launcher, Path workDir, List<SimNode> nodes) {
        SimulatedCluster cluster = new SimulatedCluster(client, launcher, workDir);
        nodes.forEach(cluster::addNode);
        cluster.loop.scheduleWithFixedDelay(cluster::tick, 0, 100, TimeUnit.MILLISECONDS);
        // agents are separate processes: never leave them behind, even when the test JVM is stopped early
        Runtime.getRuntime().addShutdownHook(new Thread(cluster.kubelet::close, "sim-stop-pods"));
        return cluster;
    }

    private void tick() {
        for (Runnable controller : controllers) {
            try {
                controller.run();
            } catch (RuntimeException e) {
                LOG.debug("simulator controller pass failed, retrying next tick: {}", e.toString());
            }
        }
    }

    public void addNode(SimNode sim) {
        Map<String, String> labels = new HashMap<>(sim.labels());
        labels.put("kubernetes.io/hostname", sim.name());
        labels.put("kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        NodeBuilder node = new NodeBuilder()
                .withNewMetadata().withName(sim.name()).withLabels(labels).endMetadata()
                .withNewSpec().endSpec()
                .withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                .addNewAddress().withType("InternalIP").withAddress("127.0.0.1").endAddress()
                .addNewAddress().withType("Hostname").withAddress(sim.name()).endAddress()
                .withCapacity(Map.of("cpu", new Quantity(String.valueOf(Runtime.getRuntime().availableProcessors())),
                        "memory", new Quantity("24Gi"), "pods", new Quantity("110")))
                .withAllocatable(Map.of("cpu", new Quantity(String.valueOf(Runtime.getRuntime().availableProcessors())),
                        "memory", new Quantity("23Gi"), "pods", new Quantity("110")))
                .withNewNodeInfo().withKernelVersion(System.getProperty("os.version")).withOperatingSystem("linux")
                .withArchitecture("amd64").withKubeletVersion("v1.31.0-sim").withContainerRuntimeVersion("sim://1")
                .withOsImage("simulated").withMachineID(sim.name()).withSystemUUID(sim.name()).withBootID(sim.name())
                .withKubeProxyVersion("v1.31.0-sim").endNodeInfo()
                .endStatus();
        if (sim.controlPlane()) {
            labels.put("node-role.kubernetes.io/control-plane", "");
            node.editSpec().addNewTaint().withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule").endTaint().endSpec();
        }
        Node built = node.build();
        built.getMetadata().setLabels(labels);
        client.nodes().resource(built).create();
    }

    public KubernetesClient client() {
        return client;
    }

    /** The log of a container of a pod the simulator ran (the agent's stdout and stderr). */
    public Optional<Path> log(String namespace, String pod, String container) {
        return kubelet.worker(namespace, pod).map(w -> w.logOf(container));
    }

    /** Runs a command inside a pod's container, as {@code kubectl exec} would. */
    public AgentExec exec(String namespace, String pod, String container, List<String> argv) {
        return kubelet.worker(namespace, pod).orElseThrow(() -> new IllegalArgumentException("pod " + pod + " is not running"))
                .exec(container, argv);
    }

    /** The address a pod's servers listen on (its own loopback IP). */
    public Optional<String> podIp(String namespace, String pod) {
        return kubelet.worker(namespace, pod).map(PodWorker::podIp);
    }

    /** Kills a pod's agent processes abruptly (SIGKILL), as a node failure would. */
    public void killAgents(String namespace, String pod) {
        kubelet.worker(namespace, pod).ifPresent(PodWorker::kill);
    }

    @Override
    public void close() {
        loop.shutdownNow();
        kubelet.close();
    }
}
