package dev.backpack.operator.dependent;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.plan.BenchmarkLabels;
import dev.backpack.operator.status.AgentReadiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

import java.util.List;
import java.util.Optional;

/** The agent DaemonSet is ready: desired == ready &gt; 0 and every agent pod Ready (its node is indexed). */
public class AgentsReadyCondition implements Condition<DaemonSet, Benchmark> {
    @Override
    public boolean isMet(DependentResource<DaemonSet, Benchmark> dependent, Benchmark primary,
                         Context<Benchmark> context) {
        return readiness(context).ready();
    }

    public static AgentReadiness readiness(Context<Benchmark> context) {
        Optional<DaemonSet> daemonSet = context.getSecondaryResource(DaemonSet.class);
        return AgentReadiness.of(daemonSet, pods(context, BenchmarkLabels.ROLE_AGENT));
    }

    static List<Pod> pods(Context<Benchmark> context, String role) {
        return context.getSecondaryResourcesAsStream(Pod.class)
                .filter(p -> p.getMetadata().getLabels() != null
                        && role.equals(p.getMetadata().getLabels().get(BenchmarkLabels.ROLE)))
                .toList();
    }
}
