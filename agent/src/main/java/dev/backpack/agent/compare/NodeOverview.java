package dev.backpack.agent.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The headline facts of one node, what {@code backpack show} prints: CPU, memory, kernel, OS, NICs,
 * disks, BIOS, CPU mitigations, Kubernetes version and labels. Missing facts are null ("not collected").
 *
 * @param cpuSockets  sockets; {@code cpuCores} physical cores in all; {@code cpuThreads} logical CPUs
 * @param mitigations vulnerabilities the kernel reports as vulnerable (name: status), empty when none
 */
public record NodeOverview(String node, String cpuModel, Integer cpuSockets, Integer cpuCores, Integer cpuThreads,
                           Long memoryBytes, String kernel, String os, List<String> nics, List<String> disks,
                           String bios, int vulnerabilitiesChecked, List<String> mitigations, String kubernetes,
                           SortedMap<String, String> labels) {

    public NodeOverview {
        nics = List.copyOf(nics);
        disks = List.copyOf(disks);
        mitigations = List.copyOf(mitigations);
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** @param cluster the run's cluster-scope facts, where the Kubernetes node object (version, labels) is */
    public static NodeOverview of(NodeFacts node, NodeFacts cluster) {
        Integer sockets = integer(node.text("cpuinfo", "", "sockets"));
        Integer coresPerSocket = integer(node.text("cpuinfo", "", "cores_per_socket"));
        Integer cores = sockets != null && coresPerSocket != null ? sockets * coresPerSocket : null;
        List<String> nics = new ArrayList<>();
        node.items("network").forEach((name, facts) -> {
            if (!"true".equals(text(facts, "virtual"))) {
                nics.add(join(name, text(facts, "driver"),
                        text(facts, "speed_mbps") == null ? null : text(facts, "speed_mbps") + " Mb/s"));
            }
        });
        List<String> disks = new ArrayList<>();
        node.items("block").forEach((name, facts) -> disks.add(join(name, text(facts, "model"),
                Optional.ofNullable(text(facts, "size_bytes")).map(Long::parseLong).map(NodeOverview::bytes).orElse(null),
                "true".equals(text(facts, "rotational")) ? "rotational" : null)));
        List<String> vulnerable = new ArrayList<>();
        SortedMap<String, SortedMap<String, FactValue>> vulnerabilities = node.items("cpu_vulnerabilities");
        vulnerabilities.forEach((name, facts) -> {
            if ("true".equals(text(facts, "vulnerable"))) {
                vulnerable.add(name + ": " + Optional.ofNullable(text(facts, "raw")).orElse("Vulnerable"));
            }
        });
        String bios = join(node.text("dmidecode", "bios", "vendor").orElse(null),
                node.text("dmidecode", "bios", "version").orElse(null),
                node.text("dmidecode", "bios", "release_date").map(d -> "(" + d + ")").orElse(null));
        SortedMap<String, FactValue> k8sNode = cluster.items("k8s_nodes").getOrDefault(node.node(), new TreeMap<>());
        SortedMap<String, String> labels = new TreeMap<>();
        k8sNode.forEach((path, value) -> {
            if (path.startsWith("labels.")) {
                labels.put(path.substring("labels.".length()), value.text());
            }
        });
        return new NodeOverview(node.node(), node.text("cpuinfo", "", "model_name").orElse(null), sockets, cores,
                integer(node.text("cpuinfo", "", "cpus")),
                node.text("meminfo", "", "meminfo.MemTotal.bytes").map(Long::parseLong).orElse(null),
                node.text("kernel", "", "uname.kernel_release").orElse(null),
                node.text("kernel", "", "os_release.PRETTY_NAME").orElse(null), nics, disks,
                bios.isEmpty() ? null : bios, vulnerabilities.size(), vulnerable,
                text(k8sNode, "node_info.kubelet_version"), labels);
    }

    /** "2 sockets, 40 cores, 80 threads" with what is known. */
    public String topology() {
        return join(cpuSockets == null ? null : cpuSockets + (cpuSockets == 1 ? " socket," : " sockets,"),
                cpuCores == null ? null : cpuCores + " cores,", cpuThreads == null ? null : cpuThreads + " threads")
                .replaceAll(",$", "");
    }

    public String memory() {
        return memoryBytes == null ? null : bytes(memoryBytes);
    }

    /** Binary units, one decimal: {@code 23.5 GiB}. */
    static String bytes(long value) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? value + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    private static String text(Map<String, FactValue> facts, String path) {
        FactValue value = facts.get(path);
        return value == null ? null : value.text();
    }

    private static Integer integer(Optional<String> text) {
        try {
            return text.map(Integer::parseInt).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                present.add(p);
            }
        }
        return String.join(" ", present);
    }
}
