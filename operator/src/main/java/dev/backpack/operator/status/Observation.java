package dev.backpack.operator.status;

import java.time.Duration;

/**
 * What the reconciler saw of one Benchmark's objects, reduced to what its status depends on.
 *
 * @param workloadCreated whether the workload objects exist (applied in this or an earlier reconcile)
 * @param agents          DaemonSet mode only; null otherwise
 * @param agentsTimedOut  DaemonSet mode: the agents were not all Ready within {@code agentTimeout}
 * @param targeted        targeted mode only; null otherwise
 */
public record Observation(CollectionMode mode, boolean workloadCreated, AgentReadiness agents,
                          boolean agentsTimedOut, Duration agentTimeout, TargetedProgress targeted,
                          WorkloadProgress workload) {
}
