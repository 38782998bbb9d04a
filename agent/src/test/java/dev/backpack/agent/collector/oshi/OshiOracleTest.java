package dev.backpack.agent.collector.oshi;

import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.cpu.CpuInfoCollector;
import dev.backpack.agent.collector.memory.MemInfoCollector;
import dev.backpack.agent.host.HostPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.ProcessorCache;
import oshi.hardware.HardwareAbstractionLayer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An independent oracle for the hand-written cpuinfo and meminfo readers: on the machine running the
 * build, what they report must agree with OSHI's own parsing of the same kernel interfaces. A parsing
 * regression in our readers then fails here on real data, not only on fixtures.
 *
 * <p>Where the two define a number differently the test compares what both mean; each case says why.
 */
class OshiOracleTest {
    static Map<String, Object> cpuinfo;
    static Map<String, Object> meminfo;
    static CentralProcessor oshiCpu;
    static HardwareAbstractionLayer oshi;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void collectBoth() {
        assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "needs a Linux /proc (this is not Linux)");
        HostPaths host = new HostPaths(Path.of("/"));
        cpuinfo = (Map<String, Object>) new CpuInfoCollector(host, CollectorCatalog.machineOf(System.getProperty("os.arch")))
                .collect().facts().get(0).value();
        meminfo = (Map<String, Object>) new MemInfoCollector(host).collect().facts().get(0).value();
        // OSHI with its default roots, / : the same machine the collectors just read.
        oshi = new SystemInfo().getHardware();
        oshiCpu = oshi.getProcessor();
    }

    @Test
    void socketsCoresAndThreadsMatchOshisTopology() {
        int sockets = number("sockets");
        int coresPerSocket = number("cores_per_socket");
        assertThat(sockets).as("sockets vs OSHI's physical packages").isEqualTo(oshiCpu.getPhysicalPackageCount());
        assertThat(sockets * coresPerSocket).as("sockets x cores per socket vs OSHI's physical processors")
                .isEqualTo(oshiCpu.getPhysicalProcessorCount());
        // Both count the online logical CPUs (/proc/cpuinfo blocks here, the online topology in OSHI).
        assertThat(number("cpus")).as("cpus vs OSHI's logical processors").isEqualTo(oshiCpu.getLogicalProcessorCount());
        // lscpu's threads per core is an integer division; it multiplies back only where every core has as
        // many threads as the others (not on hybrid CPUs with SMT performance cores and single-thread efficiency cores).
        int physical = oshiCpu.getPhysicalProcessorCount();
        if (oshiCpu.getLogicalProcessorCount() % physical == 0) {
            assertThat(number("threads_per_core")).isEqualTo(oshiCpu.getLogicalProcessorCount() / physical);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void cacheLevelsTypesAndSizesMatchOshis() {
        // OSHI lists each distinct cache once (level, type, size, ways, line); we list one entry per lscpu
        // name with the geometry of the first CPU that has it. Both describe the same kinds of cache; on a
        // hybrid CPU OSHI also lists the other core type's sizes, so ours must be among OSHI's, and every
        // level/type OSHI knows must be one of ours.
        Set<String> ours = ((List<Map<String, Object>>) cpuinfo.get("caches")).stream()
                .map(c -> c.get("level") + "/" + c.get("type").toString().toUpperCase(Locale.ROOT) + "/" + c.get("size_bytes"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> theirs = oshiCpu.getProcessorCaches().stream()
                .map(c -> c.getLevel() + "/" + c.getType().name() + "/" + c.getCacheSize())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(theirs).containsAll(ours);
        assertThat(levelAndType(ours)).isEqualTo(levelAndType(theirs));
        for (Map<String, Object> cache : (List<Map<String, Object>>) cpuinfo.get("caches")) {
            assertThat(oshiCpu.getProcessorCaches()).as("ways and line size of %s", cache.get("name"))
                    .anyMatch(c -> matches(cache, c));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void memTotalIsOshisTotalMemory() {
        // Both are MemTotal of /proc/meminfo in bytes (kB x 1024): no tolerance.
        Map<String, Object> memTotal = (Map<String, Object>) ((Map<String, Object>) meminfo.get("meminfo")).get("MemTotal");
        assertThat(((Number) memTotal.get("bytes")).longValue()).isEqualTo(oshi.getMemory().getTotal());
    }

    @Test
    @SuppressWarnings("unchecked")
    void numaNodesWithCpusAreOshisNumaNodes() {
        // OSHI knows NUMA nodes only through the CPUs in them; a memory-only node (CXL, persistent memory)
        // is in our list without CPUs. Without a NUMA directory OSHI puts every CPU in node 0.
        List<Map<String, Object>> numa = (List<Map<String, Object>>) cpuinfo.get("numa");
        Set<Integer> oursWithCpus = numa.stream().filter(n -> n.get("cpus") != null && !n.get("cpus").toString().isEmpty())
                .map(n -> (Integer) n.get("node")).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> theirs = oshiCpu.getLogicalProcessors().stream().map(CentralProcessor.LogicalProcessor::getNumaNode)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(theirs).isEqualTo(numa.isEmpty() ? Set.of(0) : oursWithCpus);
        assertThat(meminfo.get("numa")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(numa.size());
    }

    private static Set<String> levelAndType(Set<String> caches) {
        return caches.stream().map(c -> c.substring(0, c.lastIndexOf('/'))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean matches(Map<String, Object> ours, ProcessorCache theirs) {
        return ours.get("level").equals((int) theirs.getLevel())
                && ours.get("type").toString().equalsIgnoreCase(theirs.getType().name())
                && ((Number) ours.get("size_bytes")).longValue() == theirs.getCacheSize()
                && (ours.get("ways") == null || ours.get("ways").equals((int) theirs.getAssociativity()))
                && (ours.get("line_size") == null || ours.get("line_size").equals((int) theirs.getLineSize()));
    }

    private static int number(String key) {
        assertThat(cpuinfo).as("cpuinfo reports %s", key).containsKey(key);
        return ((Number) cpuinfo.get(key)).intValue();
    }
}
