package dev.backpack.operator.plan;

import dev.backpack.model.validation.Violation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Benchmark cannot be turned into objects. {@link Reason#INVALID}: the spec breaks a rule (the
 * violations name the fields); {@link Reason#TEMPLATE}: the workload template failed (the message names the
 * template line). Either way it is the user's to fix: no retry helps.
 */
public class PlanException extends Exception {
    public enum Reason { INVALID, TEMPLATE }

    private final Reason reason;

    public PlanException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static PlanException invalid(List<Violation> violations) {
        return new PlanException(Reason.INVALID,
                violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }

    public Reason reason() {
        return reason;
    }
}
