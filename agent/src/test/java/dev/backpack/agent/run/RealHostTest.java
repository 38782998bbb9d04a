package dev.backpack.agent.run;

import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.FakeCommands;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.TagSelection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Once against this machine's real / : facts that must exist on any Linux machine running the build. */
class RealHostTest {
    static CapturingSink sink;
    static RunSummary summary;

    @BeforeAll
    static void collect() {
        assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "needs a Linux /proc (this is not Linux)");
        sink = new CapturingSink();
        summary = new CollectionRunner().run(new RunSettings("real", "this-machine", null, Path.of("/"),
                TagSelection.of(List.of("common"), List.of()), KubernetesAccess.none("none"), new FakeCommands(Map.of()),
                CollectorCatalog.machineOf(System.getProperty("os.arch"))), sink);
    }

    @Test
    void everyCommonModuleIsCollectedOrCleanlySkipped() {
        assertThat(summary.collectionOk()).as(summary.modules().toString()).isTrue();
        assertThat(summary.modules()).filteredOn(m -> m.status() == ModuleStatus.OK)
                .extracting(m -> m.module().moduleName()).contains("cpuinfo", "meminfo", "sysctl", "kernel", "network");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cpuCountMatchesProcCpuinfo() throws IOException {
        long processors = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
        Map<String, Object> cpu = (Map<String, Object>) value("cpuinfo");
        assertThat(((Number) cpu.get("cpus")).longValue()).isEqualTo(processors);
        assertThat((Number) cpu.get("cpus")).satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void memTotalIsPositive() {
        Map<String, Object> mem = (Map<String, Object>) ((Map<String, Object>) value("meminfo")).get("meminfo");
        assertThat(((Number) ((Map<String, Object>) mem.get("MemTotal")).get("bytes")).longValue()).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void kernelReleaseIsTheOneTheJvmRunsOn() {
        Map<String, Object> uname = (Map<String, Object>) ((Map<String, Object>) value("kernel")).get("uname");
        assertThat(uname).containsEntry("kernel_release", System.getProperty("os.version"))
                .containsEntry("kernel_name", "Linux");
    }

    @Test
    void sysctlHasTheKernelOstypeAndLoopbackExists() {
        assertThat(sink.documents).filteredOn(d -> d.module().equals("sysctl"))
                .extracting(MetadataDocument::value).contains(Map.of("key", "kernel.ostype", "value", "Linux"));
        assertThat(sink.documents).filteredOn(d -> d.module().equals("network"))
                .extracting(d -> (Object) ((Map<?, ?>) d.value()).get("name")).contains("lo");
    }

    /**
     * The kernel answers a sysctl read at a non-zero offset with end of file, so a reader that takes
     * one byte first (Files.readAllBytes does for procfs' size 0) used to index kernel.pid_max as "4".
     */
    @Test
    void sysctlNumbersAreWhole() throws IOException {
        String pidMax;
        try (var in = Files.newBufferedReader(Path.of("/proc/sys/kernel/pid_max"))) {
            pidMax = in.readLine().strip();
        }
        assertThat(pidMax).hasSizeGreaterThan(1);
        assertThat(sink.documents).filteredOn(d -> d.module().equals("sysctl"))
                .extracting(MetadataDocument::value).contains(Map.of("key", "kernel.pid_max", "value", pidMax));
    }

    private static Object value(String module) {
        return sink.documents.stream().filter(d -> d.module().equals(module)).findFirst().orElseThrow().value();
    }
}
