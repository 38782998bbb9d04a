package dev.backpack.agent.collector.vulnerabilities;

import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import dev.backpack.agent.host.HostPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuVulnerabilitiesCollectorTest {

    @Test
    void statusAndMitigationAreSeparated() {
        assertThat(CpuVulnerabilitiesCollector.parse("meltdown", "Mitigation: PTI"))
                .containsEntry("status", "Mitigation").containsEntry("mitigation", "PTI")
                .containsEntry("vulnerable", false).containsEntry("raw", "Mitigation: PTI");
        assertThat(CpuVulnerabilitiesCollector.parse("l1tf", "Not affected"))
                .containsEntry("status", "Not affected").doesNotContainKeys("mitigation", "details");
        assertThat(CpuVulnerabilitiesCollector.parse("itlb_multihit", "KVM: Mitigation: VMX disabled"))
                .containsEntry("status", "Mitigation").containsEntry("scope", "KVM")
                .containsEntry("mitigation", "VMX disabled");
        assertThat(CpuVulnerabilitiesCollector.parse("mmio_stale_data",
                "Vulnerable: Clear CPU buffers attempted, no microcode; SMT Host state unknown"))
                .containsEntry("status", "Vulnerable").containsEntry("vulnerable", true)
                .containsEntry("details", "Clear CPU buffers attempted, no microcode; SMT Host state unknown");
        assertThat(CpuVulnerabilitiesCollector.parse("x", "Vulnerable")).containsEntry("status", "Vulnerable")
                .doesNotContainKey("details");
        assertThat(CpuVulnerabilitiesCollector.parse("gds", "Unknown: Dependent on hypervisor status"))
                .containsEntry("status", "Unknown").containsEntry("details", "Dependent on hypervisor status");
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDocumentPerEntry() {
        ModuleFacts real = new CpuVulnerabilitiesCollector(Fixtures.firecrackerVm()).collect();
        assertThat(real.facts()).hasSize(19);
        ModuleFacts sriov = new CpuVulnerabilitiesCollector(Fixtures.baremetalSriov()).collect();
        assertThat(sriov.facts()).extracting(f -> ((Map<String, Object>) f.value()).get("name"))
                .contains("spectre_v2", "meltdown", "itlb_multihit");
    }

    @Test
    void absentDirectoryIsASkipNotAnError(@TempDir Path empty) {
        ModuleFacts facts = new CpuVulnerabilitiesCollector(new HostPaths(empty)).collect();
        assertThat(facts.isSkipped()).isTrue();
        assertThat(facts.skipReason()).contains("/sys/devices/system/cpu/vulnerabilities");
    }
}
