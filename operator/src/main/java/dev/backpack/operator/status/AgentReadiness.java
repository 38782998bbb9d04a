package dev.backpack.operator.status;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the DaemonSet agents are all Ready (each has indexed its node): the DaemonSet reports
 * desired == ready &gt; 0 and every agent pod is Ready. When not, {@link #notReady()} says which nodes'
 * agents are not, and why, from the pods' statuses.
 */
public record AgentReadiness(boolean ready, int desired, int readyCount, String notReady) {

    public static AgentReadiness of(Optional<DaemonSet> daemonSet, Collection<Pod> agentPods) {
        if (daemonSet.isEmpty()) {
            return new AgentReadiness(false, 0, 0, "the agent DaemonSet does not exist yet");
        }
        var status = daemonSet.get().getStatus();
        int desired = status == null || status.getDesiredNumberScheduled() == null ? 0 : status.getDesiredNumberScheduled();
        int ready = status == null || status.getNumberReady() == null ? 0 : status.getNumberReady();
        List<String> problems = new ArrayList<>();
        agentPods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .filter(p -> !isReady(p)).forEach(p -> problems.add(describe(p)));
        boolean allReady = desired > 0 && desired == ready && problems.isEmpty();
        String detail;
        if (allReady) {
            detail = "";
        } else if (desired == 0) {
            detail = "no node matches the agent DaemonSet (check spec.metadata.label and node taints)";
        } else {
            detail = ready + " of " + desired + " agents ready" + (problems.isEmpty() ? "" : "; not ready: "
                    + String.join("; ", problems));
        }
        return new AgentReadiness(allReady, desired, ready, detail);
    }

    static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String describe(Pod pod) {
        String node = pod.getSpec() != null && pod.getSpec().getNodeName() != null ? pod.getSpec().getNodeName()
                : "(unscheduled)";
        String why = "not ready";
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
                if (cs.getState() != null && cs.getState().getWaiting() != null) {
                    why = join(cs.getState().getWaiting().getReason(), cs.getState().getWaiting().getMessage());
                } else if (cs.getState() != null && cs.getState().getTerminated() != null) {
                    why = join(cs.getState().getTerminated().getReason(), cs.getState().getTerminated().getMessage());
                }
            }
        }
        if ("not ready".equals(why) && pod.getStatus() != null && pod.getStatus().getPhase() != null) {
            why = "phase " + pod.getStatus().getPhase();
        }
        return "node " + node + " (pod " + pod.getMetadata().getName() + ": " + why + ")";
    }

    private static String join(String reason, String message) {
        String r = reason == null ? "" : reason;
        String m = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return r.isEmpty() ? (m.isEmpty() ? "not ready" : m) : (m.isEmpty() ? r : r + ": " + m);
    }
}
