package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Writes one pod's status as the kubelet does at each step of its life: phase, pod IP, container
 * statuses (waiting, running, terminated with exit code and message) and the conditions. Once the pod
 * is stopped or deleted, nothing more is written.
 */
final class PodStatusWriter {
    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final PodNetwork network;
    private final BooleanSupplier stopped;

    PodStatusWriter(KubernetesClient client, String namespace, String name, PodNetwork network, BooleanSupplier stopped) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.network = network;
        this.stopped = stopped;
    }

    /** Bound to a node, nothing started yet. */
    void pending(List<Container> inits, List<Container> containers) {
        edit(s -> {
            s.setPhase("Pending");
            s.setPodIP(network.ip());
            s.setHostIP(PodNetwork.HOST_IP);
            s.setStartTime(Instant.now().toString());
            s.setInitContainerStatuses(inits.stream().map(c -> waiting(c, "PodInitializing")).toList());
            s.setContainerStatuses(containers.stream().map(c -> waiting(c, "PodInitializing")).toList());
            s.setConditions(List.of(condition("PodScheduled", true), condition("Initialized", inits.isEmpty()),
                    condition("Ready", false)));
        });
    }

    void initContainerExited(int index, Container init, ContainerExit exit) {
        edit(s -> s.getInitContainerStatuses().set(index, terminated(init, exit)));
    }

    /** A failed init container ends the pod (restartPolicy Never) or leaves it pending. */
    void initContainerFailed(Container init, ContainerExit exit, String restartPolicy) {
        edit(s -> {
            s.setPhase("Never".equals(restartPolicy) || restartPolicy == null ? "Failed" : "Pending");
            s.setMessage("init container " + init.getName() + " exited " + exit.exitCode());
        });
    }

    void initialized() {
        edit(s -> s.setConditions(List.of(condition("PodScheduled", true), condition("Initialized", true),
                condition("Ready", false))));
    }

    /** A pod that does not restart its containers: Succeeded when every container exited 0. */
    void containersExited(List<Container> containers, List<ContainerExit> exits) {
        List<ContainerStatus> statuses = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            statuses.add(terminated(containers.get(i), exits.get(i)));
        }
        boolean succeeded = exits.stream().allMatch(ContainerExit::succeeded);
        edit(s -> {
            s.setContainerStatuses(statuses);
            s.setPhase(succeeded ? "Succeeded" : "Failed");
        });
    }

    void running(List<Container> containers) {
        edit(s -> {
            s.setPhase("Running");
            s.setContainerStatuses(containers.stream().map(c -> running(c, false)).toList());
        });
    }

    void readiness(List<Container> containers, boolean ready) {
        edit(s -> {
            s.setContainerStatuses(containers.stream().map(c -> running(c, ready)).toList());
            s.setConditions(List.of(condition("PodScheduled", true), condition("Initialized", true),
                    condition("ContainersReady", ready), condition("Ready", ready)));
        });
    }

    /** The simulator could not run the pod at all. */
    void failed(String message) {
        edit(s -> {
            s.setPhase("Failed");
            s.setMessage(message);
        });
    }

    private void edit(Consumer<PodStatus> change) {
        if (stopped.getAsBoolean() || !exists()) {
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
            if (exists()) {
                throw e;
            }
        }
    }

    private boolean exists() {
        return client.pods().inNamespace(namespace).withName(name).get() != null;
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

    private static ContainerStatus terminated(Container c, ContainerExit exit) {
        ContainerState state = new ContainerStateBuilder().withNewTerminated().withExitCode(exit.exitCode())
                .withReason(exit.succeeded() ? "Completed" : "Error")
                .withMessage(exit.message().isEmpty() ? null : exit.message())
                .withFinishedAt(Instant.now().toString()).endTerminated().build();
        return new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(false).withRestartCount(0)
                .withState(state).build();
    }

    private static PodCondition condition(String type, boolean status) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                .withLastTransitionTime(Instant.now().toString()).build();
    }
}
