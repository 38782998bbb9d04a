package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's work for one pod: init containers in order, then the containers, with statuses,
 * termination messages and readiness written back to the API as a kubelet would.
 * Containers that run the backpack agent run for real; other images are simulated (they exit 0 at once,
 * or keep running when the pod restarts Always).
 */
final class PodWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final KubernetesClient client;
    private final AgentLauncher launcher;
    private final EnvResolver envResolver;
    private final String namespace;
    private final String name;
    private final String podIp;
    private final Path podDir;
    private final Path nodeRoot;
    private final Map<String, RunningContainer> processes = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    private final Map<String, String> apiAccess;

    PodWorker(KubernetesClient client, AgentLauncher launcher, Pod pod, String podIp, Path podDir, Path nodeRoot,
              Map<String, String> apiAccess) {
        this.apiAccess = apiAccess;
        this.client = client;
        this.launcher = launcher;
        this.envResolver = new EnvResolver(client);
        this.namespace = pod.getMetadata().getNamespace();
        this.name = pod.getMetadata().getName();
        this.podIp = podIp;
        this.podDir = podDir;
        this.nodeRoot = nodeRoot;
    }

    @Override
    public void run() {
        try {
            runPod();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warn("pod {}/{} failed in the simulator: {}", namespace, name, e.toString());
                setPhase("Failed", e.getMessage());
            }
        }
    }

    /** SIGTERM to every process of the pod (the shell and what it started), SIGKILL after a grace period. */
    void stop() {
        stopped = true;
        processes.values().forEach(r -> signal(r.process(), false));
        for (RunningContainer r : processes.values()) {
            Process p = r.process();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    signal(p, true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                signal(p, true);
            }
        }
    }

    /** Ends the pod's agent processes abruptly, as a node crash or OOM kill would. */
    void kill() {
        processes.values().forEach(r -> signal(r.process(), true));
    }

    /** A container is a process tree (sh, the entry point, the JVM): signal all of it, leaves first. */
    private static void signal(Process root, boolean kill) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        java.util.Collections.reverse(tree);
        tree.add(root.toHandle());
        for (ProcessHandle h : tree) {
            if (kill) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
        }
    }

    /**
     * {@code kubectl exec}: runs a command in a running container's environment (its env, its mounts),
     * e.g. the reference document's re-collection loop.
     */
    AgentExec exec(String containerName, java.util.List<String> argv) {
        Pod pod = current();
        Container c = pod.getSpec().getContainers().stream().filter(x -> x.getName().equals(containerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no container " + containerName + " in " + name));
        try {
            Map<String, String> env = envResolver.resolve(pod, c);
            env.putAll(apiAccess);
            PodFilesystem fs = PodFilesystem.create(client, pod, c, podDir.resolve("exec"), nodeRoot);
            Path log = Files.createTempFile(podDir, "exec-", ".log");
            Process p = launcher.start(argv.stream().map(fs::translate).toList(), List.of(), env, log);
            int exit = p.waitFor();
            return new AgentExec(exit, Files.readString(log));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String podIp() {
        return podIp;
    }

    Path logOf(String container) {
        return podDir.resolve(container + ".log");
    }

    private void runPod() {
        Pod pod = current();
        if (pod == null) {
            return;
        }
        List<Container> inits = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
        List<Container> containers = pod.getSpec().getContainers();
        editStatus(s -> {
            s.setPhase("Pending");
            s.setPodIP(podIp);
            s.setHostIP("127.0.0.1");
            s.setStartTime(Instant.now().toString());
            s.setInitContainerStatuses(inits.stream().map(c -> waiting(c, "PodInitializing")).toList());
            s.setContainerStatuses(containers.stream().map(c -> waiting(c, "PodInitializing")).toList());
            s.setConditions(List.of(condition("PodScheduled", true), condition("Initialized", inits.isEmpty()),
                    condition("Ready", false)));
        });
        pod = current();
        for (int i = 0; i < inits.size() && !stopped; i++) {
            Container init = inits.get(i);
            Termination t = runToCompletion(pod, init);
            int index = i;
            editStatus(s -> s.getInitContainerStatuses().set(index, terminated(init, t)));
            if (t.exitCode != 0) {
                String restart = pod.getSpec().getRestartPolicy();
                editStatus(s -> {
                    s.setPhase("Never".equals(restart) || restart == null ? "Failed" : "Pending");
                    s.setMessage("init container " + init.getName() + " exited " + t.exitCode);
                });
                return;
            }
        }
        if (stopped) {
            return;
        }
        editStatus(s -> s.setConditions(List.of(condition("PodScheduled", true), condition("Initialized", true),
                condition("Ready", false))));
        boolean restartsAlways = pod.getSpec().getRestartPolicy() == null || "Always".equals(pod.getSpec().getRestartPolicy());
        if (restartsAlways) {
            runServing(pod, containers);
        } else {
            runBatch(pod, containers);
        }
    }

    private void runBatch(Pod pod, List<Container> containers) {
        List<ContainerStatus> statuses = new ArrayList<>();
        boolean ok = true;
        for (Container c : containers) {
            Termination t = runToCompletion(pod, c);
            statuses.add(terminated(c, t));
            ok &= t.exitCode == 0;
        }
        boolean succeeded = ok;
        editStatus(s -> {
            s.setContainerStatuses(statuses);
            s.setPhase(succeeded ? "Succeeded" : "Failed");
        });
    }

    private void runServing(Pod pod, List<Container> containers) {
        for (Container c : containers) {
            if (isAgent(c)) {
                processes.put(c.getName(), start(pod, c));
            }
        }
        editStatus(s -> {
            s.setPhase("Running");
            s.setContainerStatuses(containers.stream().map(c -> running(c, false)).toList());
        });
        boolean ready = false;
        while (!stopped) {
            boolean nowReady = containers.stream().allMatch(this::probeReady);
            if (nowReady != ready) {
                ready = nowReady;
                boolean r = ready;
                editStatus(s -> {
                    s.setContainerStatuses(containers.stream().map(c -> running(c, r)).toList());
                    s.setConditions(List.of(condition("PodScheduled", true), condition("Initialized", true),
                            condition("ContainersReady", r), condition("Ready", r)));
                });
            }
            restartExited(pod, containers);
            pause(ready ? 500 : 150);
        }
    }

    private void restartExited(Pod pod, List<Container> containers) {
        for (Container c : containers) {
            RunningContainer r = processes.get(c.getName());
            if (r != null && !r.process().isAlive() && !stopped) {
                LOG.info("pod {}/{} container {} exited {}; restarting", namespace, name, c.getName(), r.process().exitValue());
                processes.put(c.getName(), start(pod, c));
            }
        }
    }

    private boolean probeReady(Container c) {
        RunningContainer r = processes.get(c.getName());
        if (isAgent(c) && (r == null || !r.process().isAlive())) {
            return false;
        }
        if (c.getReadinessProbe() == null || c.getReadinessProbe().getHttpGet() == null) {
            return true;
        }
        HTTPGetAction get = c.getReadinessProbe().getHttpGet();
        int port = get.getPort().getIntVal() != null ? get.getPort().getIntVal()
                : c.getPorts().stream().filter(cp -> get.getPort().getStrVal().equals(cp.getName())).findFirst()
                .orElseThrow().getContainerPort();
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://" + podIp + ":" + port + (get.getPath() == null ? "/" : get.getPath())))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() >= 200 && response.statusCode() < 400;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Termination runToCompletion(Pod pod, Container c) {
        if (!isAgent(c)) {
            return new Termination(0, "");
        }
        RunningContainer r = start(pod, c);
        processes.put(c.getName(), r);
        try {
            int exit = r.process().waitFor();
            processes.remove(c.getName());
            return new Termination(exit, r.filesystem().terminationMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            signal(r.process(), true);
            return new Termination(137, "interrupted");
        }
    }

    private RunningContainer start(Pod pod, Container c) {
        try {
            Files.createDirectories(podDir);
            Map<String, String> env = envResolver.resolve(pod, c);
            PodFilesystem fs = PodFilesystem.create(client, pod, c, podDir, nodeRoot);
            env.putAll(apiAccess);
            List<String> command = EnvResolver.expandAll(c.getCommand(), env).stream().map(fs::translate).toList();
            List<String> args = EnvResolver.expandAll(c.getArgs(), env).stream().map(fs::translate)
                    .map(this::bindToPodIp).toList();
            return new RunningContainer(launcher.start(command, args, env, logOf(c.getName())), fs);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start container " + c.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pod's network namespace, played with its own loopback address: a server that listens on all
     * interfaces of its pod listens on the pod IP, so every pod can use the same port.
     */
    private String bindToPodIp(String arg) {
        String prefix = dev.backpack.contract.AgentFlags.LISTEN + "=";
        if (!arg.startsWith(prefix)) {
            return arg;
        }
        String value = arg.substring(prefix.length());
        String port = value.contains(":") ? value.substring(value.lastIndexOf(':') + 1) : value;
        String host = value.contains(":") ? value.substring(0, value.lastIndexOf(':')) : "";
        boolean allInterfaces = host.isEmpty() || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::");
        return allInterfaces ? prefix + podIp + ":" + port : arg;
    }

    private static boolean isAgent(Container c) {
        return AgentLauncher.isAgent(c.getCommand(), c.getArgs(), c.getName());
    }

    private Pod current() {
        return client.pods().inNamespace(namespace).withName(name).get();
    }

    private void setPhase(String phase, String message) {
        editStatus(s -> {
            s.setPhase(phase);
            s.setMessage(message);
        });
    }

    private void editStatus(java.util.function.Consumer<PodStatus> change) {
        if (stopped || current() == null) {
            return;
        }
        try {
            client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
                if (p.getStatus() == null) {
                    p.setStatus(new PodStatus());
                }
                change.accept(p.getStatus());
                return p;
            });
        } catch (RuntimeException e) {
            if (current() != null) {
                throw e;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the simulated kubelet's probe period, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ContainerStatus waiting(Container c, String reason) {
        return new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(false).withRestartCount(0)
                .withState(new ContainerStateBuilder().withNewWaiting().withReason(reason).endWaiting().build()).build();
    }

    private static ContainerStatus running(Container c, boolean ready) {
        return new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(ready).withRestartCount(0)
                .withStarted(true)
                .withState(new ContainerStateBuilder().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().build())
                .build();
    }

    private static ContainerStatus terminated(Container c, Termination t) {
        ContainerState state = new ContainerStateBuilder().withNewTerminated().withExitCode(t.exitCode)
                .withReason(t.exitCode == 0 ? "Completed" : "Error")
                .withMessage(t.message.isEmpty() ? null : t.message)
                .withFinishedAt(Instant.now().toString()).endTerminated().build();
        return new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(false).withRestartCount(0)
                .withState(state).build();
    }

    private static PodCondition condition(String type, boolean status) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                .withLastTransitionTime(Instant.now().toString()).build();
    }

    private record Termination(int exitCode, String message) {
    }

    private record RunningContainer(Process process, PodFilesystem filesystem) {
    }
}
