package dev.backpack.operator.inject;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;

import java.util.ArrayList;
import java.util.List;

/**
 * Targeted collection: puts the {@code backpack} init container first in every pod template of the
 * rendered workload, so each node running a workload pod is collected before the benchmark starts there.
 * It works on whatever the template rendered; workload templates need no collection code of their own.
 */
public final class TargetedInjector {
    private TargetedInjector() {
    }

    public static void inject(List<HasMetadata> objects, AgentSettings settings) {
        Container agent = AgentPodParts.initContainer(settings);
        List<Volume> volumes = AgentPodParts.volumes(settings);
        PodTemplates.update(objects, pod -> injectInto(pod.spec(), agent, volumes, settings));
    }

    static void injectInto(PodSpec spec, Container agent, List<Volume> volumes, AgentSettings settings) {
        List<Container> inits = new ArrayList<>();
        inits.add(agent);
        if (spec.getInitContainers() != null) {
            spec.getInitContainers().stream()
                    .filter(c -> !AgentPodParts.CONTAINER_NAME.equals(c.getName()))
                    .forEach(inits::add);
        }
        spec.setInitContainers(inits);
        List<Volume> all = new ArrayList<>();
        if (spec.getVolumes() != null) {
            spec.getVolumes().stream()
                    .filter(v -> volumes.stream().noneMatch(ours -> ours.getName().equals(v.getName())))
                    .forEach(all::add);
        }
        all.addAll(volumes);
        spec.setVolumes(all);
        // Service accounts are set per pod, not per container: the whole workload pod runs as it.
        String serviceAccount = settings.serviceAccountOrNull();
        if (serviceAccount != null) {
            spec.setServiceAccountName(serviceAccount);
        }
    }
}
