package dev.backpack.operator.status;

import dev.backpack.model.v1alpha1.MetadataState;
import dev.backpack.operator.inject.AgentPodParts;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Metadata progress of targeted collection, read from the workload pods' {@code backpack} init
 * containers: Complete once every one terminated with 0; Failed with the agent's termination message as
 * soon as one terminated otherwise; Collecting before that.
 *
 * @param state   a {@link MetadataState} value
 * @param message what happened, for {@code status.message}
 */
public record TargetedProgress(String state, String message) {
    private static final int MAX_MESSAGE = 1024;

    public static TargetedProgress of(Collection<Pod> workloadPods) {
        List<Pod> pods = workloadPods.stream()
                .filter(p -> p.getSpec() != null && p.getSpec().getInitContainers() != null
                        && p.getSpec().getInitContainers().stream()
                        .anyMatch(c -> AgentPodParts.CONTAINER_NAME.equals(c.getName())))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
        if (pods.isEmpty()) {
            return new TargetedProgress(MetadataState.COLLECTING, "waiting for the workload pods");
        }
        int done = 0;
        for (Pod pod : pods) {
            Optional<ContainerStateTerminated> end = agentTermination(pod);
            if (end.isEmpty()) {
                continue;
            }
            ContainerStateTerminated t = end.get();
            if (t.getExitCode() != null && t.getExitCode() == 0) {
                done++;
            } else {
                return new TargetedProgress(MetadataState.FAILED, failure(pod, t));
            }
        }
        if (done == pods.size()) {
            return new TargetedProgress(MetadataState.COMPLETE, "metadata collected from " + done + " pod"
                    + (done == 1 ? "" : "s"));
        }
        List<String> stuck = pods.stream().map(TargetedProgress::waiting).flatMap(Optional::stream).toList();
        return new TargetedProgress(MetadataState.COLLECTING, "collecting: " + done + " of " + pods.size()
                + " pods done" + (stuck.isEmpty() ? "" : "; waiting: " + String.join("; ", stuck)));
    }

    /** Why an agent has not started, when the kubelet says (e.g. ImagePullBackOff, an unschedulable pod). */
    static Optional<String> waiting(Pod pod) {
        String name = "pod " + pod.getMetadata().getName();
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        if (pod.getStatus().getInitContainerStatuses() != null) {
            for (ContainerStatus status : pod.getStatus().getInitContainerStatuses()) {
                if (AgentPodParts.CONTAINER_NAME.equals(status.getName()) && status.getState() != null
                        && status.getState().getWaiting() != null
                        && status.getState().getWaiting().getReason() != null
                        && !"PodInitializing".equals(status.getState().getWaiting().getReason())) {
                    return Optional.of(name + ": " + status.getState().getWaiting().getReason());
                }
            }
        }
        if (pod.getStatus().getConditions() != null) {
            return pod.getStatus().getConditions().stream()
                    .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                    .findFirst().map(c -> name + ": " + (c.getReason() != null ? c.getReason() : "not scheduled"));
        }
        return Optional.empty();
    }

    /** The backpack init container's final state: current, or the last one if it is restarting. */
    static Optional<ContainerStateTerminated> agentTermination(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getInitContainerStatuses() == null) {
            return Optional.empty();
        }
        for (ContainerStatus status : pod.getStatus().getInitContainerStatuses()) {
            if (!AgentPodParts.CONTAINER_NAME.equals(status.getName())) {
                continue;
            }
            Optional<ContainerStateTerminated> now = terminated(status.getState());
            if (now.isPresent()) {
                return now;
            }
            Optional<ContainerStateTerminated> last = terminated(status.getLastState());
            if (last.isPresent() && last.get().getExitCode() != null && last.get().getExitCode() != 0) {
                return last;
            }
        }
        return Optional.empty();
    }

    private static Optional<ContainerStateTerminated> terminated(ContainerState state) {
        return state == null ? Optional.empty() : Optional.ofNullable(state.getTerminated());
    }

    private static String failure(Pod pod, ContainerStateTerminated t) {
        String node = pod.getSpec().getNodeName() != null ? pod.getSpec().getNodeName() : "(unscheduled)";
        String detail = t.getMessage() != null && !t.getMessage().isBlank() ? t.getMessage().strip()
                : t.getReason() != null ? t.getReason() : "no termination message";
        String message = "metadata collection failed on node " + node + " (pod " + pod.getMetadata().getName()
                + ", exit " + t.getExitCode() + "): " + detail.replaceAll("\\s+", " ");
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }
}
