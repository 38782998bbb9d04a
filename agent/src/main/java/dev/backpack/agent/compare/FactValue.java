package dev.backpack.agent.compare;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One fact's value: a scalar (shown as text) or an unordered set of scalars (CPU flags, sysctl-less
 * lists such as schedulers), so a new flag reads as {@code +avx512_fp16} rather than a changed list.
 */
public sealed interface FactValue {

    /** The value as one line of text. */
    String text();

    record Scalar(String text) implements FactValue {
    }

    record Members(SortedSet<String> members) implements FactValue {
        public Members {
            members = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(members));
        }

        @Override
        public String text() {
            return String.join(" ", members);
        }
    }

    static FactValue scalar(Object value) {
        return new Scalar(String.valueOf(value));
    }

    static FactValue members(Collection<?> values) {
        TreeSet<String> set = new TreeSet<>();
        values.forEach(v -> set.add(String.valueOf(v)));
        return new Members(set);
    }
}
