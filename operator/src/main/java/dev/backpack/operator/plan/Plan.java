package dev.backpack.operator.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every object the operator would create for one Benchmark, before owner references (which need the
 * live Benchmark's uid). {@code agents} is present only for {@code targeted: false}.
 */
public record Plan(List<HasMetadata> workload, Optional<DaemonSet> agents) {
    public Plan {
        workload = List.copyOf(workload);
    }

    /** The DaemonSet first (it is created first), then the workload objects in template order. */
    public List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>();
        agents.ifPresent(all::add);
        all.addAll(workload);
        return all;
    }
}
