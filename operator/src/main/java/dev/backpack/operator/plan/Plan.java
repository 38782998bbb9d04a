package dev.backpack.operator.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every object the operator would create for one Benchmark, before owner references (which need the
 * live Benchmark's uid). {@code agents} is present only for {@code targeted: false}; {@code credentials}
 * only when {@code spec.elasticsearch.server} carried user info, which it holds instead of the pods.
 */
public record Plan(List<HasMetadata> workload, Optional<DaemonSet> agents, Optional<Secret> credentials) {
    public Plan {
        workload = List.copyOf(workload);
    }

    public Plan(List<HasMetadata> workload, Optional<DaemonSet> agents) {
        this(workload, agents, Optional.empty());
    }

    /**
     * The DaemonSet first (it is created first), then the workload objects in template order. Not the
     * credentials Secret, which carries a value and is written by {@code CredentialsSecretWriter} alone.
     */
    public List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>();
        agents.ifPresent(all::add);
        all.addAll(workload);
        return all;
    }
}
