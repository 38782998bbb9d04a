package dev.backpack.agent.collector.memory;

import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemInfoCollectorTest {

    @Test
    void numbersWithUnitsAndBytes() {
        Map<String, Object> m = MemInfoCollector.parseMemInfo("""
                MemTotal:       24684096 kB
                HugePages_Total:       4
                Hugepagesize:       2048 kB
                garbage line
                Weird:  notanumber kB
                """.lines().toList());
        assertThat(m).containsEntry("MemTotal", Map.of("value", 24684096L, "unit", "kB", "bytes", 24684096L * 1024))
                .containsEntry("HugePages_Total", Map.of("value", 4L))
                .containsEntry("Hugepagesize", Map.of("value", 2048L, "unit", "kB", "bytes", 2048L * 1024))
                .doesNotContainKey("Weird").hasSize(3);
    }

    @Test
    void perNodeFormDropsTheNodePrefix() {
        Map<String, Object> m = MemInfoCollector.parseMemInfo(List.of("Node 1 MemFree:  100 kB"));
        assertThat(m).containsEntry("MemFree", Map.of("value", 100L, "unit", "kB", "bytes", 102400L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hugepagePoolsAndNumaFromTheBaremetalFixture() {
        Map<String, Object> v = (Map<String, Object>) new MemInfoCollector(Fixtures.baremetalSriov()).collect()
                .facts().get(0).value();
        List<Map<String, Object>> pools = (List<Map<String, Object>>) v.get("hugepages");
        assertThat(pools).extracting(p -> p.get("size")).containsExactly("1048576kB", "2048kB");
        assertThat(pools.get(0)).containsEntry("nr_hugepages", 16L).containsEntry("free_hugepages", 12L);
        List<Map<String, Object>> numa = (List<Map<String, Object>>) v.get("numa");
        assertThat(numa).hasSize(2);
        assertThat((Map<String, Object>) numa.get(1).get("meminfo")).containsKey("MemTotal");
        assertThat((List<?>) numa.get(1).get("hugepages")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void realVmCapture() {
        Map<String, Object> v = (Map<String, Object>) new MemInfoCollector(Fixtures.firecrackerVm()).collect()
                .facts().get(0).value();
        Map<String, Object> meminfo = (Map<String, Object>) v.get("meminfo");
        assertThat(meminfo).containsKeys("MemTotal", "MemAvailable", "HugePages_Total", "DirectMap1G");
        assertThat((List<?>) v.get("numa")).hasSize(1);
    }
}
