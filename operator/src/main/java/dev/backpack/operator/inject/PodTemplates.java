package dev.backpack.operator.inject;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the pod templates inside any workload object, so that every step that changes pods (labels,
 * injection) works on every kind a template may render: the built-in kinds (Pod, Job, CronJob,
 * Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, PodTemplate) by type, and
 * custom resources (an MPIJob's launcher and workers, a PyTorchJob's replicas...) by shape: any
 * {@code template} whose {@code spec} has {@code containers}.
 */
public final class PodTemplates {
    /** A pod's metadata and spec, both non-null and live (changes go into the object). */
    public record Target(ObjectMeta metadata, PodSpec spec) {
    }

    private PodTemplates() {
    }

    /** The typed pod templates; changes to them go straight into the objects. */
    public static List<Target> in(List<HasMetadata> objects) {
        return objects.stream().map(PodTemplates::of).flatMap(Optional::stream).toList();
    }

    /**
     * Lets {@code change} edit every pod template of every object, custom resources included (their
     * templates are converted to typed ones for the edit and written back afterwards).
     */
    public static void update(List<HasMetadata> objects, Consumer<Target> change) {
        for (HasMetadata object : objects) {
            if (object instanceof GenericKubernetesResource generic) {
                GenericPodTemplates.update(generic, change);
            } else {
                of(object).ifPresent(change);
            }
        }
    }

    public static Optional<Target> of(HasMetadata object) {
        if (object instanceof Pod pod) {
            if (pod.getSpec() == null) {
                pod.setSpec(new PodSpec());
            }
            return Optional.of(new Target(pod.getMetadata(), pod.getSpec()));
        }
        PodTemplateSpec template = templateOf(object);
        if (template == null) {
            return Optional.empty();
        }
        return Optional.of(new Target(orNew(template.getMetadata(), ObjectMeta::new, template::setMetadata),
                orNew(template.getSpec(), PodSpec::new, template::setSpec)));
    }

    private static PodTemplateSpec templateOf(HasMetadata object) {
        if (object instanceof Job job && job.getSpec() != null) {
            return job.getSpec().getTemplate();
        }
        if (object instanceof CronJob cron && cron.getSpec() != null && cron.getSpec().getJobTemplate() != null
                && cron.getSpec().getJobTemplate().getSpec() != null) {
            return cron.getSpec().getJobTemplate().getSpec().getTemplate();
        }
        if (object instanceof Deployment d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (object instanceof StatefulSet s && s.getSpec() != null) {
            return s.getSpec().getTemplate();
        }
        if (object instanceof DaemonSet d && d.getSpec() != null) {
            return d.getSpec().getTemplate();
        }
        if (object instanceof ReplicaSet r && r.getSpec() != null) {
            return r.getSpec().getTemplate();
        }
        if (object instanceof ReplicationController r && r.getSpec() != null) {
            return r.getSpec().getTemplate();
        }
        if (object instanceof PodTemplate t) {
            return t.getTemplate();
        }
        return null;
    }

    private static <T> T orNew(T value, Supplier<T> create, java.util.function.Consumer<T> set) {
        if (value != null) {
            return value;
        }
        T created = create.get();
        set.accept(created);
        return created;
    }
}
