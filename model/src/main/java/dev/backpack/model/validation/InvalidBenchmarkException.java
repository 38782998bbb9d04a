package dev.backpack.model.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A Benchmark that cannot be used as written; the message names every offending field. */
public class InvalidBenchmarkException extends Exception {
    private final List<Violation> violations;

    public InvalidBenchmarkException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidBenchmarkException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
