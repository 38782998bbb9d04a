package dev.backpack.agent.compare;

import java.util.Set;

/**
 * @param modules         modules to compare; empty for all
 * @param includeVolatile report volatile facts too ({@code --all})
 */
public record DiffOptions(Set<String> modules, boolean includeVolatile) {
    public static final DiffOptions DEFAULT = new DiffOptions(Set.of(), false);

    public DiffOptions {
        modules = Set.copyOf(modules);
    }

    public boolean includes(String module) {
        return modules.isEmpty() || modules.contains(module);
    }
}
