package dev.backpack.agent.collector.cpu;

import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuInfoCollectorTest {

    @Test
    @SuppressWarnings("unchecked")
    void baremetalShowsWhatLscpuShows() {
        ModuleFacts facts = new CpuInfoCollector(Fixtures.baremetalSriov(), "x86_64").collect();

        assertThat(facts.facts()).hasSize(1);
        Map<String, Object> v = (Map<String, Object>) facts.facts().get(0).value();
        assertThat(v).containsEntry("architecture", "x86_64")
                .containsEntry("cpus", 16)
                .containsEntry("vendor_id", "GenuineIntel")
                .containsEntry("model_name", "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz")
                .containsEntry("cpu_family", "6").containsEntry("model", "85").containsEntry("stepping", "7")
                .containsEntry("sockets", 2).containsEntry("cores_per_socket", 4).containsEntry("threads_per_core", 2)
                .containsEntry("virtualization", "VT-x")
                .containsEntry("cpu_max_mhz", 3900.0)
                .containsEntry("online_cpus", "0-15");
        assertThat((List<String>) v.get("flags")).contains("avx512f", "vmx").doesNotContain("");
        assertThat((List<Map<String, Object>>) v.get("numa")).containsExactly(
                Map.of("node", 0, "cpus", "0-3,8-11"), Map.of("node", 1, "cpus", "4-7,12-15"));
        List<Map<String, Object>> caches = (List<Map<String, Object>>) v.get("caches");
        assertThat(caches).extracting(c -> c.get("name")).containsExactly("L1d", "L1i", "L2", "L3");
        Map<String, Object> l3 = caches.get(3);
        assertThat(l3).containsEntry("instances", 2L).containsEntry("size_bytes", 28_835_840L)
                .containsEntry("total_bytes", 57_671_680L);
        assertThat(caches.get(0)).containsEntry("instances", 8L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void realVmCapture() {
        Map<String, Object> v = (Map<String, Object>) new CpuInfoCollector(Fixtures.firecrackerVm(), "x86_64")
                .collect().facts().get(0).value();
        assertThat(v).containsEntry("cpus", 2).containsEntry("vendor_id", "AuthenticAMD")
                .containsEntry("model_name", "AMD EPYC").containsEntry("virtualization_type", "full")
                .containsEntry("sockets", 1);
        assertThat((List<String>) v.get("bugs")).contains("spectre_v1");
        assertThat(v).doesNotContainKey("cpu_max_mhz"); // no cpufreq in that VM: left out, not zero
    }

    @Test
    void arm64CpuinfoHasNoModelNameButStillDescribes() {
        String text = """
                processor	: 0
                BogoMIPS	: 50.00
                Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics
                CPU implementer	: 0x41
                CPU architecture: 8
                CPU variant	: 0x3
                CPU part	: 0xd0c
                CPU revision	: 1

                processor	: 1
                BogoMIPS	: 50.00
                Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics
                CPU implementer	: 0x41
                CPU part	: 0xd0c
                CPU revision	: 1
                """;
        Map<String, Object> v = CpuInfoText.parse(text).identity();
        assertThat(v).containsEntry("cpus", 2).containsEntry("vendor_id", "0x41").containsEntry("model", "0xd0c")
                .containsEntry("stepping", "1").containsEntry("bogomips", 50.0)
                .containsEntry("flags", List.of("fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32", "atomics"));
    }

    @Test
    void cpuListsAndCacheSizes() {
        assertThat(CpuList.parse("0-3,8-11")).containsExactly(0, 1, 2, 3, 8, 9, 10, 11);
        assertThat(CpuList.parse("5")).containsExactly(5);
        assertThat(CpuList.parse("")).isEmpty();
        assertThat(CpuCaches.sizeBytes("32K")).isEqualTo(32768L);
        assertThat(CpuCaches.sizeBytes("2M")).isEqualTo(2_097_152L);
        assertThat(CpuCaches.sizeBytes("512")).isEqualTo(512L);
        assertThat(CpuCaches.sizeBytes("x")).isNull();
    }

    @Test
    void missingCpuinfoIsAnErrorNamingTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        assertThatThrownBy(() -> new CpuInfoCollector(new dev.backpack.agent.host.HostPaths(empty), "x86_64").collect())
                .hasMessageContaining("/proc/cpuinfo");
    }
}
