package dev.backpack.operator.dependent;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.status.CollectionMode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * The workload may be created: always when targeted or not collecting; in DaemonSet mode only once every
 * agent is Ready, because the reference promises the benchmark starts after the nodes are collected.
 */
public class AgentsReadyBeforeWorkloadCondition implements Condition<HasMetadata, Benchmark> {
    @Override
    public boolean isMet(DependentResource<HasMetadata, Benchmark> dependent, Benchmark primary,
                         Context<Benchmark> context) {
        if (CollectionMode.of(primary.getSpec().metadataOrDefaults()) != CollectionMode.DAEMONSET) {
            return true;
        }
        return AgentsReadyCondition.readiness(context).ready();
    }
}
