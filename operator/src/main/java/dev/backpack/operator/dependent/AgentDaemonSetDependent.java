package dev.backpack.operator.dependent;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.plan.BenchmarkLabels;
import dev.backpack.operator.plan.Plan;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The agent DaemonSet of {@code targeted: false}. Active only in DaemonSet mode
 * ({@link DaemonSetModeCondition}); ready when every agent has indexed its node ({@link AgentsReadyCondition}).
 * JOSDK sets the owner reference, so deleting the Benchmark deletes the agents. Plain create/update rather
 * than server-side apply: the DaemonSet has one writer (us), and fabric8's CRUD mock, which the tests
 * run the real operator against, does not implement apply patches.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(name = AgentDaemonSetDependent.NAME,
        labelSelector = BenchmarkLabels.ROLE + "=" + BenchmarkLabels.ROLE_AGENT))
public class AgentDaemonSetDependent extends CRUDKubernetesDependentResource<DaemonSet, Benchmark> {
    public static final String NAME = "agent-daemonset";

    public AgentDaemonSetDependent() {
        super(DaemonSet.class);
    }

    @Override
    protected DaemonSet desired(Benchmark primary, Context<Benchmark> context) {
        Plan plan = Plans.of(context);
        // a copy: JOSDK adds metadata (owner reference) to what desired() returns
        return new DaemonSetBuilder(plan.agents().orElseThrow(
                () -> new IllegalStateException("DaemonSet dependent active without a DaemonSet in the plan"))).build();
    }
}
