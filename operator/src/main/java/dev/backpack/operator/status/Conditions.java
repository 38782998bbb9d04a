package dev.backpack.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Kubernetes-style conditions of a Benchmark. A condition keeps its {@code lastTransitionTime} while its
 * status does not change, so re-reconciling an unchanged Benchmark writes nothing.
 */
public final class Conditions {
    public static final String VALIDATED = "Validated";
    public static final String METADATA_COLLECTED = "MetadataCollected";
    public static final String WORKLOAD_READY = "WorkloadReady";

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private Conditions() {
    }

    public static Condition of(String type, String status, String reason, String message, long generation,
                               Instant now, List<Condition> previous) {
        String since = previous == null ? null : previous.stream()
                .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime).filter(Objects::nonNull).findFirst().orElse(null);
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message == null ? "" : message).withObservedGeneration(generation)
                .withLastTransitionTime(since != null ? since : now.truncatedTo(ChronoUnit.SECONDS).toString())
                .build();
    }

    public static boolean isTrue(List<Condition> conditions, String type, long generation) {
        return conditions != null && conditions.stream().anyMatch(c -> type.equals(c.getType())
                && TRUE.equals(c.getStatus()) && Long.valueOf(generation).equals(c.getObservedGeneration()));
    }
}
