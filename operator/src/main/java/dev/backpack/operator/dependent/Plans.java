package dev.backpack.operator.dependent;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.plan.Plan;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Hands the reconciler's {@link Plan} to the dependents: the reconciler renders once per reconcile and
 * the dependents' {@code desired()} only read it.
 */
public final class Plans {
    private Plans() {
    }

    public static void put(Context<Benchmark> context, Plan plan) {
        context.managedWorkflowAndDependentResourceContext().put(Plan.class, plan);
    }

    public static Plan of(Context<Benchmark> context) {
        return context.managedWorkflowAndDependentResourceContext().getMandatory(Plan.class, Plan.class);
    }
}
