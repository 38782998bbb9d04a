package dev.backpack.agent.collector.sysctl;

import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import dev.backpack.agent.host.HostPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SysctlCollectorTest {

    @Test
    void oneDocumentPerKeyWithSysctlNames() {
        ModuleFacts facts = new SysctlCollector(Fixtures.baremetalSriov()).collect();
        Map<String, String> byKey = values(facts);
        assertThat(byKey).containsEntry("vm.nr_hugepages", "16")
                .containsEntry("net.ipv4.ip_forward", "1")
                .containsEntry("kernel.printk", "4\t4\t1\t7")
                .containsEntry("net.ipv4.conf.ens1f0/100.rp_filter", "1"); // a VLAN's dot becomes '/', as sysctl shows it
        assertThat(facts.facts()).allSatisfy(f -> assertThat(f.sourceType()).isEqualTo("sysctl"));
    }

    @Test
    void realVmCaptureHasHundredsOfKeys() {
        Map<String, String> byKey = values(new SysctlCollector(Fixtures.firecrackerVm()).collect());
        assertThat(byKey).hasSizeGreaterThan(100).containsKeys("vm.swappiness", "net.core.somaxconn", "kernel.ostype");
    }

    @Test
    void keysFromPaths() {
        assertThat(SysctlCollector.keyOf("net/ipv4/ip_forward")).isEqualTo("net.ipv4.ip_forward");
        assertThat(SysctlCollector.keyOf("net/ipv4/conf/eth0.100/rp_filter")).isEqualTo("net.ipv4.conf.eth0/100.rp_filter");
        assertThat(SysctlCollector.normalizeValue("a\nb\n")).isEqualTo("a b");
    }

    @Test
    void noProcSysIsAnError(@TempDir Path empty) {
        assertThatThrownBy(() -> new SysctlCollector(new HostPaths(empty)).collect()).hasMessageContaining("/proc/sys");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> values(ModuleFacts facts) {
        return facts.facts().stream().map(Fact::value).map(v -> (Map<String, String>) v)
                .collect(Collectors.toMap(m -> m.get("key"), m -> m.get("value")));
    }
}
