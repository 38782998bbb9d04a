package dev.backpack.agent.collector;

import java.util.Objects;

/**
 * One fact: becomes one document. {@code sourceType} says where it came from (e.g. {@code lscpu},
 * {@code /proc/meminfo}, {@code sysctl}); {@code value} is a JSON-friendly tree of maps, lists, strings
 * and numbers.
 */
public record Fact(String sourceType, Object value) {
    public Fact {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(value, "value");
    }
}
