package dev.backpack.model.validation;

/** One thing wrong with a Benchmark: the field's path (e.g. {@code spec.metadata.label[1]}) and the fix. */
public record Violation(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
