package dev.backpack.operator.inject;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pod templates inside custom resources, found by shape: a {@code template} mapping whose {@code spec}
 * holds a {@code containers} list (how MPIJob, PyTorchJob, TFJob, RayCluster... embed pods). Each is
 * converted to a typed {@link PodTemplateSpec}, edited, and written back in place.
 */
final class GenericPodTemplates {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private GenericPodTemplates() {
    }

    static void update(GenericKubernetesResource resource, Consumer<PodTemplates.Target> change) {
        walk(resource.getAdditionalProperties(), change);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, Consumer<PodTemplates.Target> change) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                if ("template".equals(entry.getKey()) && isPodTemplate(entry.getValue())) {
                    entry.setValue(edit((Map<String, Object>) entry.getValue(), change));
                } else {
                    walk(entry.getValue(), change);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, change));
        }
    }

    private static boolean isPodTemplate(Object value) {
        return value instanceof Map<?, ?> template && template.get("spec") instanceof Map<?, ?> spec
                && spec.get("containers") instanceof List<?>;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> edit(Map<String, Object> raw, Consumer<PodTemplates.Target> change) {
        PodTemplateSpec template = SERIALIZATION.convertValue(raw, PodTemplateSpec.class);
        if (template.getMetadata() == null) {
            template.setMetadata(new ObjectMeta());
        }
        if (template.getSpec() == null) {
            template.setSpec(new PodSpec());
        }
        change.accept(new PodTemplates.Target(template.getMetadata(), template.getSpec()));
        return SERIALIZATION.convertValue(template, Map.class);
    }
}
