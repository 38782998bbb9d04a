package dev.backpack.operator.status;

import dev.backpack.model.v1alpha1.BenchmarkState;
import dev.backpack.model.v1alpha1.BenchmarkStatus;
import dev.backpack.model.v1alpha1.MetadataState;
import dev.backpack.operator.plan.PlanException;
import io.fabric8.kubernetes.api.model.Condition;

import java.time.Instant;
import java.util.List;

/**
 * Builds a fresh, complete status from what was observed; the previous status only contributes the uuid
 * and the conditions' transition times. Pure, so every transition is unit-testable without a cluster.
 */
public final class StatusFactory {
    private StatusFactory() {
    }

    /** The status a Benchmark gets when it is first seen: a uuid, and Building. */
    public static BenchmarkStatus initial(String uuid, CollectionMode mode) {
        BenchmarkStatus status = new BenchmarkStatus();
        status.setUuid(uuid);
        status.setState(BenchmarkState.BUILDING);
        status.setMetadata(mode == CollectionMode.NONE ? MetadataState.NOT_COLLECTED : MetadataState.COLLECTING);
        status.setMessage("");
        return status;
    }

    /** The Benchmark cannot be turned into objects: Failed, with the field or template line to fix. */
    public static BenchmarkStatus planFailed(String uuid, long generation, PlanException failure,
                                             List<Condition> previous, Instant now) {
        String reason = failure.reason() == PlanException.Reason.INVALID ? "InvalidSpec" : "TemplateError";
        BenchmarkStatus status = base(uuid, generation, BenchmarkState.FAILED, MetadataState.NOT_COLLECTED,
                failure.getMessage());
        status.setConditions(List.of(
                Conditions.of(Conditions.VALIDATED, Conditions.FALSE, reason, failure.getMessage(), generation, now, previous),
                Conditions.of(Conditions.METADATA_COLLECTED, Conditions.FALSE, "NotStarted",
                        "the Benchmark is invalid", generation, now, previous),
                Conditions.of(Conditions.WORKLOAD_READY, Conditions.FALSE, "NotCreated",
                        "the Benchmark is invalid", generation, now, previous)));
        return status;
    }

    public static BenchmarkStatus progress(String uuid, long generation, Observation seen, List<Condition> previous,
                                           Instant now) {
        Metadata metadata = metadata(seen);
        String state;
        String message;
        if (MetadataState.FAILED.equals(metadata.state)) {
            state = BenchmarkState.FAILED;
            message = metadata.message;
        } else if (!seen.workloadCreated()) {
            state = BenchmarkState.BUILDING;
            message = metadata.message;
        } else {
            state = seen.workload().state();
            message = seen.workload().message()
                    + (MetadataState.COLLECTING.equals(metadata.state) ? "; " + metadata.message : "");
        }
        BenchmarkStatus status = base(uuid, generation, state, metadata.state, message);
        Condition workload = seen.workloadCreated()
                ? Conditions.of(Conditions.WORKLOAD_READY, Conditions.TRUE, "Created", seen.workload().message(),
                generation, now, previous)
                : Conditions.of(Conditions.WORKLOAD_READY, Conditions.FALSE,
                seen.mode() == CollectionMode.DAEMONSET ? "WaitingForAgents" : "NotCreated",
                metadata.message, generation, now, previous);
        status.setConditions(List.of(
                Conditions.of(Conditions.VALIDATED, Conditions.TRUE, "Valid", "", generation, now, previous),
                Conditions.of(Conditions.METADATA_COLLECTED, metadata.condition, metadata.reason, metadata.message,
                        generation, now, previous),
                workload));
        return status;
    }

    private record Metadata(String state, String condition, String reason, String message) {
    }

    private static Metadata metadata(Observation seen) {
        switch (seen.mode()) {
            case NONE:
                return new Metadata(MetadataState.NOT_COLLECTED, Conditions.FALSE, "CollectionDisabled",
                        "spec.metadata.collection is not true");
            case TARGETED: {
                TargetedProgress p = seen.targeted();
                if (MetadataState.COMPLETE.equals(p.state())) {
                    return new Metadata(p.state(), Conditions.TRUE, "Collected", p.message());
                }
                return new Metadata(p.state(), Conditions.FALSE,
                        MetadataState.FAILED.equals(p.state()) ? "AgentFailed" : "Collecting", p.message());
            }
            default: {
                AgentReadiness a = seen.agents();
                if (a.ready()) {
                    return new Metadata(MetadataState.COMPLETE, Conditions.TRUE, "AgentsReady",
                            a.readyCount() + " agents ready");
                }
                if (seen.agentsTimedOut()) {
                    return new Metadata(MetadataState.FAILED, Conditions.FALSE, "AgentsNotReady",
                            "backpack agents not Ready within " + seen.agentTimeout().toString().substring(2).toLowerCase()
                                    + ": " + a.notReady());
                }
                return new Metadata(MetadataState.COLLECTING, Conditions.FALSE, "WaitingForAgents",
                        "waiting for the backpack agents: " + a.notReady());
            }
        }
    }

    private static BenchmarkStatus base(String uuid, long generation, String state, String metadata, String message) {
        BenchmarkStatus status = new BenchmarkStatus();
        status.setUuid(uuid);
        status.setState(state);
        status.setMetadata(metadata);
        status.setMessage(message);
        status.setObservedGeneration(generation);
        return status;
    }
}
