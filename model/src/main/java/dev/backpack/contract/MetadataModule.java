package dev.backpack.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every module the agent can collect, with upstream stockpile's module names (so existing dashboards
 * and index patterns keep working) and tags. Each module is also tagged with its own name.
 */
public enum MetadataModule {
    CPUINFO("cpuinfo", ModuleScope.NODE, "common", "cpu"),
    MEMINFO("meminfo", ModuleScope.NODE, "common", "memory"),
    SYSCTL("sysctl", ModuleScope.NODE, "common", "sysctl"),
    LSPCI("lspci", ModuleScope.NODE, "common", "lspci"),
    CPU_VULNERABILITIES("cpu_vulnerabilities", ModuleScope.NODE, "common"),
    DMIDECODE("dmidecode", ModuleScope.NODE, "common"),
    KERNEL("kernel", ModuleScope.NODE, "common"),
    NETWORK("network", ModuleScope.NODE, "common"),
    BLOCK("block", ModuleScope.NODE, "common"),
    K8S_NODES("k8s_nodes", ModuleScope.CLUSTER, "k8s"),
    K8S_CLUSTER_INFO("k8s_cluster_info", ModuleScope.CLUSTER, "k8s"),
    OCP_CLUSTER_VERSION("ocp_cluster_version", ModuleScope.CLUSTER, "openshift"),
    OCP_INFRASTRUCTURE("ocp_infrastructure", ModuleScope.CLUSTER, "openshift"),
    OCP_NETWORK("ocp_network", ModuleScope.CLUSTER, "openshift"),
    OCP_DNS("ocp_dns", ModuleScope.CLUSTER, "openshift"),
    OCP_INGRESS("ocp_ingress", ModuleScope.CLUSTER, "openshift"),
    OCP_INSTALL_CONFIG("ocp_install_config", ModuleScope.CLUSTER, "openshift"),
    OCP_KUBE_APISERVER("ocp_kube_apiserver", ModuleScope.CLUSTER, "openshift"),
    OCP_KUBE_CONTROLLER_MANAGER("ocp_kube_controller_manager", ModuleScope.CLUSTER, "openshift"),
    NVIDIA_SMI("nvidia_smi", ModuleScope.NODE, "nvidia"),
    PACKAGES("packages", ModuleScope.NODE, "packages", "yum"),
    // Read through OSHI, which costs about half a second to load: never in common.
    SENSORS("sensors", ModuleScope.NODE, "hardware"),
    USB("usb", ModuleScope.NODE, "hardware"),
    GRAPHICS("graphics", ModuleScope.NODE, "hardware"),
    POWER("power", ModuleScope.NODE, "hardware");

    private final String moduleName;
    private final ModuleScope scope;
    private final Set<String> tags;

    MetadataModule(String moduleName, ModuleScope scope, String... tags) {
        this.moduleName = moduleName;
        this.scope = scope;
        TreeSet<String> all = new TreeSet<>(Arrays.asList(tags));
        all.add(moduleName);
        this.tags = Set.copyOf(all);
    }

    /** The name used in documents ({@code module}) and in the index name. */
    public String moduleName() {
        return moduleName;
    }

    public ModuleScope scope() {
        return scope;
    }

    public Set<String> tags() {
        return tags;
    }

    public String indexName() {
        return IndexNames.forModule(moduleName);
    }

    public static Optional<MetadataModule> byName(String moduleName) {
        return Arrays.stream(values()).filter(m -> m.moduleName.equals(moduleName)).findFirst();
    }

    public static List<MetadataModule> all() {
        return List.of(values());
    }
}
