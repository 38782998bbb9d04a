package dev.backpack.agent.collector.openshift;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.collector.k8s.ClusterSession;
import dev.backpack.agent.collector.k8s.ClusterUnavailableException;
import dev.backpack.contract.MetadataModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One OpenShift configuration resource kind (ClusterVersion, Infrastructure, Network, DNS, Ingress,
 * KubeAPIServer, KubeControllerManager): one document per object with its name, spec and status.
 * On plain Kubernetes the API group is absent and the module is skipped.
 */
public final class OpenShiftConfigCollector implements Collector {
    private final ClusterSession cluster;
    private final OpenShiftResource resource;

    public OpenShiftConfigCollector(MetadataModule module, ClusterSession cluster) {
        this.cluster = cluster;
        this.resource = OpenShiftResource.of(module);
    }

    @Override
    public MetadataModule module() {
        return resource.module;
    }

    @Override
    public ModuleFacts collect() {
        List<GenericKubernetesResource> items;
        try {
            if (!cluster.hasApiGroup(resource.group)) {
                return ModuleFacts.skipped("not OpenShift (API group " + resource.group + " is not served)");
            }
            items = cluster.read(resource.plural + "." + resource.group,
                    c -> c.genericKubernetesResources(resource.context()).list().getItems());
        } catch (ClusterUnavailableException e) {
            return ModuleFacts.skipped(e.getMessage());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                // The group exists but this version of OpenShift does not serve the kind.
                return ModuleFacts.skipped(resource.plural + "." + resource.group + "/v1 is not served by this cluster");
            }
            throw e;
        }
        List<Fact> facts = new ArrayList<>();
        for (GenericKubernetesResource item : items) {
            facts.add(new Fact("openshift", describe(item)));
        }
        return ModuleFacts.of(facts);
    }

    static Map<String, Object> describe(GenericKubernetesResource item) {
        Map<String, Object> extra = item.getAdditionalProperties();
        return Values.create()
                .put("kind", item.getKind())
                .put("name", item.getMetadata() == null ? null : item.getMetadata().getName())
                .put("spec", extra.get("spec"))
                .put("status", extra.get("status"))
                .toMap();
    }
}
