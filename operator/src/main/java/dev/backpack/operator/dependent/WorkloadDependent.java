package dev.backpack.operator.dependent;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.NameSetter;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;

import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload objects a template rendered. A template may render any number of objects of any kinds
 * (a Job, or a Service plus a StatefulSet plus a ConfigMap...), which a typed JOSDK dependent (one
 * resource type, one object or a bulk of one type) cannot express; so this dependent creates each
 * rendered object itself, with an owner reference to the Benchmark so that deleting the Benchmark
 * garbage-collects them.
 * <p>
 * The objects are created once per generation (workload Jobs are immutable once running); the
 * {@code WorkloadReady} condition records that they were, which also survives operator restarts.
 */
public class WorkloadDependent implements DependentResource<HasMetadata, Benchmark>, NameSetter {
    public static final String NAME = "workload";
    public static final String FIELD_MANAGER = "backpack-operator";
    private static final String CREATED = "workload-created";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private String name = NAME;

    @Override
    public ReconcileResult<HasMetadata> reconcile(Benchmark primary, Context<Benchmark> context) {
        long generation = primary.getMetadata().getGeneration() == null ? 0 : primary.getMetadata().getGeneration();
        if (primary.getStatus() != null
                && Conditions.isTrue(primary.getStatus().getConditions(), Conditions.WORKLOAD_READY, generation)) {
            markCreated(context);
            return ReconcileResult.noOperation(null);
        }
        KubernetesClient client = context.getClient();
        List<ReconcileResult<HasMetadata>> results = new ArrayList<>();
        for (HasMetadata object : desired(primary, context)) {
            results.add(create(client, object));
        }
        markCreated(context);
        return ReconcileResult.aggregatedResult(results);
    }

    /** The rendered workload objects, each owned by the Benchmark. */
    protected List<HasMetadata> desired(Benchmark primary, Context<Benchmark> context) {
        return Plans.of(context).workload().stream().map(object -> withOwner(object, primary)).toList();
    }

    /**
     * Creates the object; one that already exists (created before a restart, before the status recorded
     * it) is taken as is. Creating rather than applying is deliberate: workload objects are created once
     * per generation and Jobs' pod templates are immutable, so there is nothing to merge.
     */
    private static ReconcileResult<HasMetadata> create(KubernetesClient client, HasMetadata object) {
        try {
            return ReconcileResult.resourceCreated(client.resource(object).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            return ReconcileResult.noOperation(client.resource(object).get());
        }
    }

    static HasMetadata withOwner(HasMetadata object, Benchmark owner) {
        HasMetadata copy = SERIALIZATION.clone(object);
        copy.getMetadata().setOwnerReferences(List.of(ownerReference(owner)));
        return copy;
    }

    public static OwnerReference ownerReference(Benchmark owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).build();
    }

    private static void markCreated(Context<Benchmark> context) {
        context.managedWorkflowAndDependentResourceContext().put(CREATED, Boolean.TRUE);
    }

    /** Whether this reconcile created the workload, or found it created for the current generation. */
    public static boolean created(Context<Benchmark> context) {
        return context.managedWorkflowAndDependentResourceContext().get(CREATED, Boolean.class).orElse(false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public Class<HasMetadata> resourceType() {
        return HasMetadata.class;
    }
}
