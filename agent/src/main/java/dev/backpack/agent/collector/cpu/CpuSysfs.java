package dev.backpack.agent.collector.cpu;

import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.host.NumaNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** What {@code /sys/devices/system/cpu} and {@code /sys/devices/system/node} say about the CPUs. */
final class CpuSysfs {
    static final String CPU_DIR = "/sys/devices/system/cpu";

    private final HostPaths host;
    private final Path cpuDir;
    private final Optional<String> online;

    CpuSysfs(HostPaths host) {
        this.host = host;
        this.cpuDir = host.resolve(CPU_DIR);
        this.online = host.readTrimmed(cpuDir.resolve("online"));
    }

    Map<String, Object> cpuLists() {
        return Values.create()
                .put("online_cpus", online)
                .put("possible_cpus", host.readTrimmed(cpuDir.resolve("possible")))
                .toMap();
    }

    /**
     * Packages and cores of the online CPUs; absent where sysfs has no topology. A core id is only unique
     * within a die, hence the die in the key. Threads count the larger of online CPUs and cpuinfo's
     * processors, as lscpu does when a container hides part of either.
     */
    Optional<CpuTopology> topology(int cpuinfoProcessors) {
        List<Integer> onlineCpus = CpuList.parse(online.orElse(null));
        Set<String> packages = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
        for (int cpu : onlineCpus) {
            Path topology = cpuDir.resolve("cpu" + cpu).resolve("topology");
            Optional<String> pkg = host.readTrimmed(topology.resolve("physical_package_id"));
            Optional<String> core = host.readTrimmed(topology.resolve("core_id"));
            if (pkg.isPresent() && core.isPresent()) {
                packages.add(pkg.get());
                cores.add(pkg.get() + ":" + host.readTrimmed(topology.resolve("die_id")).orElse("0") + ":" + core.get());
            }
        }
        return CpuTopology.count(packages.size(), cores.size(), Math.max(onlineCpus.size(), cpuinfoProcessors));
    }

    List<Map<String, Object>> numa() {
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
     * The attributes of each {@code cacheN/indexM} are read once (from the first CPU that has it); for
     * every other CPU only {@code shared_cpu_list} is read, which is what counts the instances, so a
     * 256-CPU node costs one read per cache per CPU rather than six.
     */
    List<Map<String, Object>> caches() {
        Map<String, CpuCaches.Entry> byIndex = new TreeMap<>();
        Map<String, Set<String>> sharedByIndex = new HashMap<>();
        for (Path cpu : host.list(cpuDir)) {
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
                byIndex.computeIfAbsent(indexName, k -> new CpuCaches.Entry(
                        host.readTrimmed(index.resolve("level")).orElse("?"),
                        host.readTrimmed(index.resolve("type")).orElse("Unknown"),
                        host.readTrimmed(index.resolve("size")).orElse(null),
                        host.readTrimmed(index.resolve("ways_of_associativity")).orElse(null),
                        host.readTrimmed(index.resolve("coherency_line_size")).orElse(null),
                        shared));
            }
        }
        List<CpuCaches.Entry> entries = new ArrayList<>();
        byIndex.forEach((indexName, first) -> {
            for (String shared : sharedByIndex.get(indexName)) {
                entries.add(new CpuCaches.Entry(first.level(), first.type(), first.size(), first.ways(),
                        first.lineSize(), shared));
            }
        });
        return CpuCaches.summarize(entries);
    }

    /** cpu0's cpufreq limits, governor and driver; absent keys where the host has no cpufreq (most VMs). */
    Map<String, Object> frequencies() {
        Path freq = cpuDir.resolve("cpu0").resolve("cpufreq");
        return Values.create()
                .put("cpu_max_mhz", host.readLong(freq.resolve("cpuinfo_max_freq")).map(khz -> khz / 1000.0))
                .put("cpu_min_mhz", host.readLong(freq.resolve("cpuinfo_min_freq")).map(khz -> khz / 1000.0))
                .put("scaling_governor", host.readTrimmed(freq.resolve("scaling_governor")))
                .put("scaling_driver", host.readTrimmed(freq.resolve("scaling_driver")))
                .toMap();
    }
}
