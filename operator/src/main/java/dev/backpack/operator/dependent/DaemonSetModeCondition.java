package dev.backpack.operator.dependent;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.status.CollectionMode;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Activation of the agent DaemonSet: collection on, {@code targeted: false}. */
public class DaemonSetModeCondition implements Condition<DaemonSet, Benchmark> {
    @Override
    public boolean isMet(DependentResource<DaemonSet, Benchmark> dependent, Benchmark primary,
                         Context<Benchmark> context) {
        return CollectionMode.of(primary.getSpec().metadataOrDefaults()) == CollectionMode.DAEMONSET;
    }
}
