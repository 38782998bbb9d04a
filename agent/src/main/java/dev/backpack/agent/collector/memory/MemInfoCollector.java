package dev.backpack.agent.collector.memory;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.host.NumaNode;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/meminfo} as numbers with units, the hugepage pools of every size, and memory per NUMA
 * node. One document.
 */
public final class MemInfoCollector implements Collector {
    static final String MEMINFO = "/proc/meminfo";
    static final String HUGEPAGES_DIR = "/sys/kernel/mm/hugepages";

    private final HostPaths host;

    public MemInfoCollector(HostPaths host) {
        this.host = host;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.MEMINFO;
    }

    @Override
    public ModuleFacts collect() {
        List<String> lines = host.readLines(host.resolve(MEMINFO))
                .orElseThrow(() -> new IllegalStateException(MEMINFO + " is not readable under host root " + host.root()));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("meminfo", parseMemInfo(lines));
        value.put("hugepages", readHugepages(host.resolve(HUGEPAGES_DIR)));
        value.put("numa", readNuma());
        return ModuleFacts.of(List.of(new Fact("/proc/meminfo", value)));
    }

    /**
     * {@code MemTotal:  24684096 kB} → {@code MemTotal: {value: 24684096, unit: "kB", bytes: ...}};
     * counters without a unit (HugePages_Total) are plain {@code {value: n}}.
     * Also accepts the per-node form {@code Node 0 MemTotal: ...}.
     */
    static Map<String, Object> parseMemInfo(List<String> lines) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            if (key.startsWith("Node ")) {
                int space = key.indexOf(' ', 5);
                key = space > 0 ? key.substring(space + 1) : key;
            }
            String[] parts = line.substring(colon + 1).trim().split("\\s+");
            if (parts.length == 0 || parts[0].isEmpty()) {
                continue;
            }
            long number;
            try {
                number = Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            Values v = Values.create().put("value", number);
            if (parts.length > 1) {
                v.put("unit", parts[1]);
                Long multiplier = unitBytes(parts[1]);
                if (multiplier != null) {
                    v.put("bytes", number * multiplier);
                }
            }
            out.put(key, v.toMap());
        }
        return out;
    }

    static Long unitBytes(String unit) {
        return switch (unit) {
            case "B" -> 1L;
            case "kB", "KB", "KiB" -> 1024L;
            case "MB", "MiB" -> 1024L * 1024;
            case "GB", "GiB" -> 1024L * 1024 * 1024;
            default -> null;
        };
    }

    /** Every hugepage pool ({@code hugepages-2048kB}, {@code hugepages-1048576kB}) with its counters. */
    private List<Map<String, Object>> readHugepages(Path dir) {
        List<Map<String, Object>> pools = new ArrayList<>();
        for (Path pool : host.list(dir)) {
            String name = pool.getFileName().toString();
            if (!name.startsWith("hugepages-")) {
                continue;
            }
            Values v = Values.create().put("size", name.substring("hugepages-".length()));
            for (String counter : List.of("nr_hugepages", "free_hugepages", "resv_hugepages", "surplus_hugepages",
                    "nr_overcommit_hugepages")) {
                v.put(counter, host.readLong(pool.resolve(counter)));
            }
            pools.add(v.toMap());
        }
        return pools;
    }

    private List<Map<String, Object>> readNuma() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NumaNode node : NumaNode.list(host)) {
            Values v = Values.create().put("node", node.number());
            host.readLines(node.dir().resolve("meminfo")).ifPresent(lines -> v.put("meminfo", parseMemInfo(lines)));
            List<Map<String, Object>> hugepages = readHugepages(node.dir().resolve("hugepages"));
            if (!hugepages.isEmpty()) {
                v.put("hugepages", hugepages);
            }
            nodes.add(v.toMap());
        }
        return nodes;
    }
}
