package dev.backpack.agent.collector.cpu;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.host.NumaNode;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code lscpu} shows, read from {@code /proc/cpuinfo} and {@code /sys/devices/system/cpu}
 * (topology, caches, frequencies) and {@code /sys/devices/system/node} (NUMA). One document.
 */
public final class CpuInfoCollector implements Collector {
    static final String CPUINFO = "/proc/cpuinfo";
    static final String CPU_DIR = "/sys/devices/system/cpu";

    private final HostPaths host;
    private final String architecture;

    public CpuInfoCollector(HostPaths host, String architecture) {
        this.host = host;
        this.architecture = architecture;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.CPUINFO;
    }

    @Override
    public ModuleFacts collect() {
        Optional<String> cpuinfo = host.read(host.resolve(CPUINFO));
        if (cpuinfo.isEmpty()) {
            throw new IllegalStateException(CPUINFO + " is not readable under host root " + host.root());
        }
        List<Map<String, String>> processors = parseProcessors(cpuinfo.get());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("architecture", architecture);
        value.putAll(describe(processors));
        value.putAll(readTopology(processors.size()));
        value.put("numa", readNuma());
        value.put("caches", readCaches());
        value.putAll(readFrequencies());
        return ModuleFacts.of(List.of(new Fact("lscpu", value)));
    }

    /** Splits {@code /proc/cpuinfo} into one key/value map per processor block. */
    static List<Map<String, String>> parseProcessors(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        // Some architectures (arm64) end with a block of machine-wide keys without "processor".
        return blocks;
    }

    /** The identity fields lscpu prints, from the first processor block (and any machine-wide block). */
    static Map<String, Object> describe(List<Map<String, String>> blocks) {
        List<Map<String, String>> processors = blocks.stream().filter(b -> b.containsKey("processor")).toList();
        Map<String, String> first = processors.isEmpty() ? Map.of() : processors.get(0);
        Map<String, String> machine = new LinkedHashMap<>();
        blocks.stream().filter(b -> !b.containsKey("processor")).forEach(machine::putAll);
        Values v = Values.create()
                .put("cpus", processors.size())
                .put("vendor_id", first.getOrDefault("vendor_id", first.get("CPU implementer")))
                .put("model_name", first.getOrDefault("model name", machine.get("Hardware")))
                .put("cpu_family", first.get("cpu family"))
                .put("model", first.getOrDefault("model", first.get("CPU part")))
                .put("stepping", first.getOrDefault("stepping", first.get("CPU revision")))
                .put("microcode", first.get("microcode"))
                .put("cpu_mhz", number(first.get("cpu MHz")))
                .put("bogomips", number(first.getOrDefault("bogomips", first.get("BogoMIPS"))))
                .put("address_sizes", first.get("address sizes"));
        List<String> flags = words(first.getOrDefault("flags", first.get("Features")));
        v.put("flags", flags);
        v.put("bugs", words(first.get("bugs")));
        if (flags.contains("vmx")) {
            v.put("virtualization", "VT-x");
        } else if (flags.contains("svm")) {
            v.put("virtualization", "AMD-V");
        }
        if (flags.contains("hypervisor")) {
            v.put("virtualization_type", "full");
        }
        // Sockets and cores from cpuinfo; sysfs topology overrides below when present.
        Set<String> sockets = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
        for (Map<String, String> p : processors) {
            String socket = p.get("physical id");
            if (socket != null) {
                sockets.add(socket);
                cores.add(socket + ":" + p.getOrDefault("core id", p.get("processor")));
            }
        }
        if (!sockets.isEmpty()) {
            v.put("sockets", sockets.size());
            v.put("cores_per_socket", cores.size() / sockets.size());
            v.put("threads_per_core", processors.size() / Math.max(1, cores.size()));
        }
        return v.toMap();
    }

    private Map<String, Object> readTopology(int cpuinfoCount) {
        Values v = Values.create();
        Path cpuDir = host.resolve(CPU_DIR);
        v.put("online_cpus", host.readTrimmed(cpuDir.resolve("online")));
        v.put("possible_cpus", host.readTrimmed(cpuDir.resolve("possible")));
        List<Integer> online = CpuList.parse(host.readTrimmed(cpuDir.resolve("online")).orElse(null));
        Set<String> packages = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
        for (int cpu : online) {
            Path topology = cpuDir.resolve("cpu" + cpu).resolve("topology");
            Optional<String> pkg = host.readTrimmed(topology.resolve("physical_package_id"));
            Optional<String> core = host.readTrimmed(topology.resolve("core_id"));
            if (pkg.isPresent() && core.isPresent()) {
                packages.add(pkg.get());
                cores.add(pkg.get() + ":" + host.readTrimmed(topology.resolve("die_id")).orElse("0") + ":" + core.get());
            }
        }
        if (!packages.isEmpty()) {
            int threads = Math.max(online.size(), cpuinfoCount);
            v.put("sockets", packages.size());
            v.put("cores_per_socket", cores.size() / packages.size());
            v.put("threads_per_core", threads / Math.max(1, cores.size()));
        }
        return v.toMap();
    }

    private List<Map<String, Object>> readNuma() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NumaNode node : NumaNode.list(host)) {
            nodes.add(Values.create()
                    .put("node", node.number())
                    .put("cpus", host.readTrimmed(node.dir().resolve("cpulist")))
                    .toMap());
        }
        return nodes;
    }

    /**
     * Caches as lscpu summarises them: per level/type, the size of one instance and how many exist.
     * The attributes of each {@code cacheN/indexM} are read once (from the first CPU that has it); for
     * every other CPU only {@code shared_cpu_list} is read, which is what counts the instances, so a
     * 256-CPU node costs one read per cache per CPU rather than six.
     */
    private List<Map<String, Object>> readCaches() {
        Map<String, CacheEntry> byIndex = new java.util.TreeMap<>();
        Map<String, Set<String>> sharedByIndex = new java.util.HashMap<>();
        for (Path cpu : host.list(host.resolve(CPU_DIR))) {
            if (!cpu.getFileName().toString().matches("cpu\\d+")) {
                continue;
            }
            for (Path index : host.list(cpu.resolve("cache"))) {
                String indexName = index.getFileName().toString();
                if (!indexName.startsWith("index")) {
                    continue;
                }
                String shared = host.readTrimmed(index.resolve("shared_cpu_list")).orElse(cpu.getFileName().toString());
                sharedByIndex.computeIfAbsent(indexName, k -> new LinkedHashSet<>()).add(shared);
                byIndex.computeIfAbsent(indexName, k -> new CacheEntry(
                        host.readTrimmed(index.resolve("level")).orElse("?"),
                        host.readTrimmed(index.resolve("type")).orElse("Unknown"),
                        host.readTrimmed(index.resolve("size")).orElse(null),
                        host.readTrimmed(index.resolve("ways_of_associativity")).orElse(null),
                        host.readTrimmed(index.resolve("coherency_line_size")).orElse(null),
                        shared));
            }
        }
        List<CacheEntry> entries = new ArrayList<>();
        byIndex.forEach((indexName, template) -> {
            for (String shared : sharedByIndex.get(indexName)) {
                entries.add(new CacheEntry(template.level(), template.type(), template.size(), template.ways(),
                        template.lineSize(), shared));
            }
        });
        return summarizeCaches(entries);
    }

    record CacheEntry(String level, String type, String size, String ways, String lineSize, String sharedCpus) {
        String lscpuName() {
            return "L" + level + switch (type) {
                case "Data" -> "d";
                case "Instruction" -> "i";
                default -> "";
            };
        }
    }

    static List<Map<String, Object>> summarizeCaches(List<CacheEntry> entries) {
        Map<String, List<CacheEntry>> byName = new TreeMap<>();
        for (CacheEntry e : entries) {
            byName.computeIfAbsent(e.lscpuName(), k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byName.forEach((name, list) -> {
            CacheEntry first = list.get(0);
            long instances = list.stream().map(CacheEntry::sharedCpus).distinct().count();
            Long bytes = sizeBytes(first.size());
            out.add(Values.create()
                    .put("name", name)
                    .put("level", intOrNull(first.level()))
                    .put("type", first.type())
                    .put("size", first.size())
                    .put("size_bytes", bytes)
                    .put("instances", instances)
                    .put("total_bytes", bytes == null ? null : bytes * instances)
                    .put("ways", intOrNull(first.ways()))
                    .put("line_size", intOrNull(first.lineSize()))
                    .toMap());
        });
        return out;
    }

    private Map<String, Object> readFrequencies() {
        Path freq = host.resolve(CPU_DIR).resolve("cpu0").resolve("cpufreq");
        return Values.create()
                .put("cpu_max_mhz", host.readLong(freq.resolve("cpuinfo_max_freq")).map(khz -> khz / 1000.0))
                .put("cpu_min_mhz", host.readLong(freq.resolve("cpuinfo_min_freq")).map(khz -> khz / 1000.0))
                .put("scaling_governor", host.readTrimmed(freq.resolve("scaling_governor")))
                .put("scaling_driver", host.readTrimmed(freq.resolve("scaling_driver")))
                .toMap();
    }

    /** sysfs cache sizes are {@code 32K}, {@code 1024K}, {@code 32768K} or plain bytes. */
    static Long sizeBytes(String size) {
        if (size == null || size.isEmpty()) {
            return null;
        }
        char unit = Character.toUpperCase(size.charAt(size.length() - 1));
        long multiplier = switch (unit) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
        try {
            return Long.parseLong(digits.trim()) * multiplier;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer intOrNull(String text) {
        try {
            return text == null ? null : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
