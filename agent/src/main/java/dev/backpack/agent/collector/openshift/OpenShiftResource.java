package dev.backpack.agent.collector.openshift;

import dev.backpack.contract.MetadataModule;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The cluster-scoped OpenShift configuration resources each {@code ocp_*} module reads. Read as
 * generic resources, so the agent needs no OpenShift model classes and works on any OpenShift version.
 */
enum OpenShiftResource {
    CLUSTER_VERSION(MetadataModule.OCP_CLUSTER_VERSION, "config.openshift.io", "ClusterVersion", "clusterversions"),
    INFRASTRUCTURE(MetadataModule.OCP_INFRASTRUCTURE, "config.openshift.io", "Infrastructure", "infrastructures"),
    NETWORK(MetadataModule.OCP_NETWORK, "config.openshift.io", "Network", "networks"),
    DNS(MetadataModule.OCP_DNS, "config.openshift.io", "DNS", "dnses"),
    INGRESS(MetadataModule.OCP_INGRESS, "config.openshift.io", "Ingress", "ingresses"),
    KUBE_APISERVER(MetadataModule.OCP_KUBE_APISERVER, "operator.openshift.io", "KubeAPIServer", "kubeapiservers"),
    KUBE_CONTROLLER_MANAGER(MetadataModule.OCP_KUBE_CONTROLLER_MANAGER, "operator.openshift.io",
            "KubeControllerManager", "kubecontrollermanagers");

    final MetadataModule module;
    final String group;
    final String kind;
    final String plural;

    OpenShiftResource(MetadataModule module, String group, String kind, String plural) {
        this.module = module;
        this.group = group;
        this.kind = kind;
        this.plural = plural;
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion("v1").withKind(kind).withPlural(plural).withNamespaced(false)
                .build();
    }

    static OpenShiftResource of(MetadataModule module) {
        for (OpenShiftResource r : values()) {
            if (r.module == module) {
                return r;
            }
        }
        throw new IllegalArgumentException(module.moduleName() + " is not an OpenShift configuration resource");
    }
}
