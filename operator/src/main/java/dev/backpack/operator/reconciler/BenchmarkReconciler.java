package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.BenchmarkState;
import dev.backpack.model.v1alpha1.BenchmarkStatus;
import dev.backpack.model.validation.BenchmarkValidator;
import dev.backpack.operator.dependent.AgentDaemonSetDependent;
import dev.backpack.operator.dependent.AgentsReadyBeforeWorkloadCondition;
import dev.backpack.operator.dependent.AgentsReadyCondition;
import dev.backpack.operator.dependent.CredentialsSecretWriter;
import dev.backpack.operator.dependent.DaemonSetModeCondition;
import dev.backpack.operator.dependent.Plans;
import dev.backpack.operator.dependent.WorkloadDependent;
import dev.backpack.operator.plan.BenchmarkLabels;
import dev.backpack.operator.plan.Plan;
import dev.backpack.operator.plan.PlanException;
import dev.backpack.operator.plan.Planner;
import dev.backpack.operator.status.AgentReadiness;
import dev.backpack.operator.status.CollectionMode;
import dev.backpack.operator.status.Observation;
import dev.backpack.operator.status.StatusFactory;
import dev.backpack.operator.status.TargetedProgress;
import dev.backpack.operator.status.WorkloadProgress;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reconciles a Benchmark: gives it a uuid once, turns it into a {@link Plan}, lets the workflow create the
 * agent DaemonSet and the workload (each a dependent with its own conditions), then writes a fresh status
 * from what the informers see. A Benchmark that cannot be planned fails with a message and is not
 * retried; it never affects other Benchmarks.
 */
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = AgentDaemonSetDependent.NAME, type = AgentDaemonSetDependent.class,
                activationCondition = DaemonSetModeCondition.class,
                readyPostcondition = AgentsReadyCondition.class),
        @Dependent(name = WorkloadDependent.NAME, type = WorkloadDependent.class,
                reconcilePrecondition = AgentsReadyBeforeWorkloadCondition.class)
})
@ControllerConfiguration(name = BenchmarkReconciler.NAME, fieldManager = WorkloadDependent.FIELD_MANAGER)
@GradualRetry(maxAttempts = 8, initialInterval = 2_000, intervalMultiplier = 2.0, maxInterval = 120_000)
public class BenchmarkReconciler implements Reconciler<Benchmark> {
    public static final String NAME = "benchmark";
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkReconciler.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Planner planner;
    private final Duration agentTimeout;
    private final Clock clock;

    public BenchmarkReconciler(Planner planner, Duration agentTimeout, Clock clock) {
        this.planner = planner;
        this.agentTimeout = agentTimeout;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, Benchmark>> prepareEventSources(EventSourceContext<Benchmark> context) {
        return List.of(labelled(context, Pod.class, "pods"), labelled(context, Job.class, "jobs"));
    }

    /** Pods and Jobs carrying the benchmark label, mapped back by that label within their own namespace. */
    private static <R extends HasMetadata> InformerEventSource<R, Benchmark> labelled(
            EventSourceContext<Benchmark> context, Class<R> type, String name) {
        var config = InformerEventSourceConfiguration.from(type, Benchmark.class)
                .withName(name)
                .withLabelSelector(BenchmarkLabels.BENCHMARK)
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(r -> Set.of(new ResourceID(
                        r.getMetadata().getLabels().get(BenchmarkLabels.BENCHMARK), r.getMetadata().getNamespace())))
                .build();
        return new InformerEventSource<>(config, context);
    }

    @Override
    public UpdateControl<Benchmark> reconcile(Benchmark seen, Context<Benchmark> context) {
        long generation = Objects.requireNonNullElse(seen.getMetadata().getGeneration(), 0L);
        if (settled(seen.getStatus(), generation)) {
            return UpdateControl.noUpdate();
        }
        CollectionMode mode = CollectionMode.of(seen.getSpec().metadataOrDefaults());
        if (seen.getStatus() == null || seen.getStatus().getUuid() == null) {
            // once per Benchmark, when it is first seen: valid, but probably not what the user meant
            BenchmarkValidator.warnings(seen.getSpec()).forEach(w -> LOG.warn("Benchmark {}/{}: warning: {}",
                    seen.getMetadata().getNamespace(), seen.getMetadata().getName(), w));
        }
        Benchmark benchmark = withUuid(seen, context, mode);
        String uuid = benchmark.getStatus().getUuid();
        BenchmarkStatus previous = benchmark.getStatus();
        Instant now = clock.instant();
        var conditions = previous == null ? null : previous.getConditions();

        Plan plan;
        try {
            plan = planner.plan(benchmark, uuid);
        } catch (PlanException e) {
            LOG.info("Benchmark {}/{} cannot run: {}", benchmark.getMetadata().getNamespace(),
                    benchmark.getMetadata().getName(), e.getMessage());
            return patch(benchmark, context, StatusFactory.planFailed(uuid, generation, e, conditions, now));
        }
        Plans.put(context, plan);
        plan.credentials().ifPresent(secret -> CredentialsSecretWriter.write(context.getClient(), secret, benchmark));
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

        AgentReadiness agents = mode == CollectionMode.DAEMONSET ? AgentsReadyCondition.readiness(context) : null;
        boolean timedOut = agents != null && !agents.ready() && waitedTooLong(context, now);
        List<Pod> workloadPods = context.getSecondaryResourcesAsStream(Pod.class)
                .filter(p -> BenchmarkLabels.ROLE_WORKLOAD.equals(p.getMetadata().getLabels().get(BenchmarkLabels.ROLE)))
                .toList();
        Observation observed = new Observation(mode, WorkloadDependent.created(context), agents, timedOut,
                agentTimeout, mode == CollectionMode.TARGETED ? TargetedProgress.of(workloadPods) : null,
                WorkloadProgress.of(context.getSecondaryResources(Job.class)));
        UpdateControl<Benchmark> control = patch(benchmark, context,
                StatusFactory.progress(uuid, generation, observed, conditions, now));
        if (agents != null && !agents.ready() && !timedOut) {
            control.rescheduleAfter(min(remaining(context, now), MAX_WAIT));
        }
        return control;
    }

    @Override
    public ErrorStatusUpdateControl<Benchmark> updateErrorStatus(Benchmark benchmark, Context<Benchmark> context,
                                                                 Exception e) {
        // Cluster errors (API down, conflicts, quota) are retried with backoff; say so without changing state.
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        LOG.warn("Benchmark {}/{}: {} (will retry)", benchmark.getMetadata().getNamespace(),
                benchmark.getMetadata().getName(), cause);
        BenchmarkStatus status = copy(benchmark.getStatus());
        status.setMessage("error, will retry: " + cause);
        try {
            PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(benchmark, context, latest -> {
                latest.setStatus(status);
                return latest;
            });
        } catch (RuntimeException unreachable) {
            LOG.debug("could not record the error in the status", unreachable);
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /** Complete or Failed for the current generation: nothing more to do until the spec changes. */
    private static boolean settled(BenchmarkStatus status, long generation) {
        return status != null && Objects.equals(status.getObservedGeneration(), generation)
                && (BenchmarkState.COMPLETE.equals(status.getState()) || BenchmarkState.FAILED.equals(status.getState()));
    }

    /**
     * The uuid lives in the status and is generated only when absent; it is written before anything is
     * created, so objects and documents of one Benchmark always share one uuid, across operator restarts.
     */
    private Benchmark withUuid(Benchmark benchmark, Context<Benchmark> context, CollectionMode mode) {
        BenchmarkStatus status = benchmark.getStatus();
        if (status != null && status.getUuid() != null && !status.getUuid().isBlank()) {
            return benchmark;
        }
        String candidate = UUID.randomUUID().toString();
        // Optimistically locked: if another writer got there first, the retry sees (and keeps) its uuid.
        Benchmark updated = PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(benchmark, context, latest -> {
            if (latest.getStatus() == null || latest.getStatus().getUuid() == null
                    || latest.getStatus().getUuid().isBlank()) {
                latest.setStatus(StatusFactory.initial(candidate, mode));
            }
            return latest;
        });
        LOG.info("Benchmark {}/{} has uuid {}", benchmark.getMetadata().getNamespace(),
                benchmark.getMetadata().getName(), updated.getStatus().getUuid());
        return updated;
    }

    /**
     * Patches the status subresource to the freshly built one when it differs from what is stored, and
     * caches the result so the next reconcile reads its own write. The patch is a JSON Patch computed
     * from the stored status (a field the new status lacks is removed, so nothing stale survives), and
     * it carries the resourceVersion, so a concurrent writer makes it fail and it is retried on the
     * newer Benchmark. Neither server-side apply nor a merge patch would do on fabric8's CRUD mock that
     * the tests run the operator against: it implements no apply patches and no list replacement in
     * merge patches.
     */
    private static UpdateControl<Benchmark> patch(Benchmark benchmark, Context<Benchmark> context,
                                                  BenchmarkStatus next) {
        if (!next.equals(benchmark.getStatus())) {
            PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(benchmark, context, latest -> {
                latest.setStatus(next);
                return latest;
            });
        }
        return UpdateControl.noUpdate();
    }

    private static BenchmarkStatus copy(BenchmarkStatus status) {
        BenchmarkStatus copy = new BenchmarkStatus();
        if (status != null) {
            copy.setUuid(status.getUuid());
            copy.setState(status.getState());
            copy.setMetadata(status.getMetadata());
            copy.setObservedGeneration(status.getObservedGeneration());
            copy.setConditions(status.getConditions());
        }
        return copy;
    }

    private boolean waitedTooLong(Context<Benchmark> context, Instant now) {
        return remaining(context, now).isZero();
    }

    private Duration remaining(Context<Benchmark> context, Instant now) {
        Instant since = context.getSecondaryResource(DaemonSet.class)
                .map(ds -> ds.getMetadata().getCreationTimestamp())
                .flatMap(ts -> Optional.ofNullable(parse(ts)))
                .orElse(now);
        Duration left = Duration.between(now, since.plus(agentTimeout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant parse(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        Duration d = a.compareTo(b) <= 0 ? a : b;
        return d.isZero() ? Duration.ofMillis(100) : d;
    }
}
