package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container runtime of one pod: starts each container that runs the backpack agent as a real
 * process, in its environment (env, mounts, pod IP), and keeps it by container name until it ends.
 * Containers of other images are not started; they count as exited 0 at once, or as running.
 */
final class ContainerProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerProcesses.class);
    /** Between SIGTERM and SIGKILL, as a pod's terminationGracePeriodSeconds. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final AgentLauncher launcher;
    private final EnvResolver envResolver;
    private final PodNetwork network;
    private final Path podDir;
    private final Path nodeRoot;
    /** How containers reach the API server (a kubeconfig), standing in for the service account. */
    private final Map<String, String> apiAccess;
    private final Map<String, Started> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ContainerProcesses(KubernetesClient client, AgentLauncher launcher, PodNetwork network, Path podDir, Path nodeRoot,
                       Map<String, String> apiAccess) {
        this.client = client;
        this.launcher = launcher;
        this.envResolver = new EnvResolver(client);
        this.network = network;
        this.podDir = podDir;
        this.nodeRoot = nodeRoot;
        this.apiAccess = apiAccess;
    }

    static boolean runsAgent(Container c) {
        return AgentLauncher.isAgent(c.getCommand(), c.getArgs(), c.getName());
    }

    /** Runs an init container or a batch container to its end. */
    ContainerExit runToCompletion(Pod pod, Container c) {
        if (!runsAgent(c)) {
            return ContainerExit.SIMULATED_SUCCESS;
        }
        Started started = start(pod, c);
        try {
            int exit = started.process().waitFor();
            running.remove(c.getName());
            return new ContainerExit(exit, started.filesystem().terminationMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ContainerTermination.kill(started.process());
            return new ContainerExit(137, "interrupted");
        }
    }

    /** Starts the pod's agent containers and leaves them running. */
    void startAgents(Pod pod, List<Container> containers) {
        containers.stream().filter(ContainerProcesses::runsAgent).forEach(c -> start(pod, c));
    }

    /** restartPolicy Always: an agent container that exited is started again, unless the pod is stopping. */
    void restartExited(Pod pod, List<Container> containers) {
        for (Container c : containers) {
            Started started = running.get(c.getName());
            if (started != null && !started.process().isAlive() && !stopping) {
                LOG.info("pod {}/{} container {} exited {}; restarting", pod.getMetadata().getNamespace(),
                        pod.getMetadata().getName(), c.getName(), started.process().exitValue());
                start(pod, c);
            }
        }
    }

    /** Whether the container's process is up; a container that is not an agent always is. */
    boolean isUp(Container c) {
        Started started = running.get(c.getName());
        return !runsAgent(c) || started != null && started.process().isAlive();
    }

    /**
     * {@code kubectl exec}: runs a command in a running container's environment (its env, its mounts),
     * e.g. the reference document's re-collection loop.
     */
    AgentExec exec(Pod pod, Container c, List<String> argv) {
        try {
            Map<String, String> env = envResolver.resolve(pod, c);
            env.putAll(apiAccess);
            PodFilesystem fs = PodFilesystem.create(client, pod, c, podDir.resolve("exec"), nodeRoot);
            Path log = Files.createTempFile(podDir, "exec-", ".log");
            Process p = launcher.start(argv.stream().map(fs::translate).toList(), List.of(), env, log);
            int exit = p.waitFor();
            return new AgentExec(exit, Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path logOf(String container) {
        return podDir.resolve(container + ".log");
    }

    /** The pod is deleted: SIGTERM to every container, SIGKILL after the grace period; none restarts. */
    void stopAll() {
        stopping = true;
        ContainerTermination.stop(running.values().stream().map(Started::process).toList(), GRACE);
    }

    /** Every container ends abruptly, as on a node crash or an OOM kill. */
    void killAll() {
        running.values().forEach(s -> ContainerTermination.kill(s.process()));
    }

    private Started start(Pod pod, Container c) {
        try {
            Files.createDirectories(podDir);
            Map<String, String> env = envResolver.resolve(pod, c);
            PodFilesystem fs = PodFilesystem.create(client, pod, c, podDir, nodeRoot);
            env.putAll(apiAccess);
            List<String> command = EnvResolver.expandAll(c.getCommand(), env).stream().map(fs::translate).toList();
            List<String> args = EnvResolver.expandAll(c.getArgs(), env).stream().map(fs::translate)
                    .map(network::bindToPodIp).toList();
            Started started = new Started(launcher.start(command, args, env, logOf(c.getName())), fs);
            running.put(c.getName(), started);
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start container " + c.getName() + ": " + e.getMessage(), e);
        }
    }

    private record Started(Process process, PodFilesystem filesystem) {
    }
}
