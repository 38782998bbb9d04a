package dev.backpack.agent.compare;

import java.util.Map;

/** Words for module names in summaries: "2 of them in CPU mitigations" reads better than "cpu_vulnerabilities". */
public final class ModuleTitles {
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("cpuinfo", "CPU"),
            Map.entry("meminfo", "memory"),
            Map.entry("sysctl", "sysctl"),
            Map.entry("lspci", "PCI devices"),
            Map.entry("cpu_vulnerabilities", "CPU mitigations"),
            Map.entry("dmidecode", "firmware (DMI)"),
            Map.entry("kernel", "kernel"),
            Map.entry("network", "network interfaces"),
            Map.entry("block", "disks"),
            Map.entry("k8s_nodes", "Kubernetes nodes"),
            Map.entry("k8s_cluster_info", "Kubernetes version"),
            Map.entry("nvidia_smi", "GPUs"),
            Map.entry("packages", "packages"),
            Map.entry("nodes", "nodes present in one run only"));

    private ModuleTitles() {
    }

    public static String title(String module) {
        return TITLES.getOrDefault(module, module.startsWith("ocp_") ? "OpenShift " + module.substring(4) : module);
    }
}
