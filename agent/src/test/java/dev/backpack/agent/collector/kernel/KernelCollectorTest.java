package dev.backpack.agent.collector.kernel;

import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KernelCollectorTest {

    @Test
    @SuppressWarnings("unchecked")
    void unameCmdlineOsReleaseAndModules() {
        ModuleFacts facts = new KernelCollector(Fixtures.baremetalSriov(), "x86_64").collect();
        Map<String, Object> v = (Map<String, Object>) facts.facts().get(0).value();
        assertThat((Map<String, Object>) v.get("uname")).containsEntry("kernel_name", "Linux")
                .containsEntry("kernel_release", "5.14.0-284.73.1.el9_2.x86_64")
                .containsEntry("nodename", "worker-0.perf.example.com").containsEntry("machine", "x86_64");
        assertThat((List<String>) v.get("cmdline_params")).contains("intel_iommu=on", "hugepages=16",
                "isolcpus=managed_irq,2-7,10-15", "\"acpi_osi=!Windows 2012\"");
        assertThat((Map<String, String>) v.get("os_release")).containsEntry("ID", "rhcos")
                .containsEntry("VERSION_ID", "4.14");
        List<Map<String, Object>> modules = (List<Map<String, Object>>) v.get("modules");
        assertThat(modules).extracting(m -> m.get("name")).contains("ice", "vfio_pci_core");
        assertThat(modules.get(3)).containsEntry("used_by", List.of("vfio_pci")).containsEntry("state", "Live");
        assertThat(facts.notes()).isEmpty();
    }

    @Test
    void kernelWithoutModulesGetsANote() {
        ModuleFacts facts = new KernelCollector(Fixtures.firecrackerVm(), "x86_64").collect();
        assertThat(facts.notes()).singleElement().asString().contains("/proc/modules");
    }

    @Test
    void modulesLinesWithAndWithoutUsers() {
        List<Map<String, Object>> modules = KernelCollector.parseModules("""
                nf_conntrack 172032 3 xt_conntrack,nf_nat,xt_MASQUERADE, Live 0x0000000000000000
                overlay 151552 12 - Live 0x0000000000000000 (E)
                broken line
                also not a module
                """.lines().toList());
        assertThat(modules).hasSize(2);
        assertThat(modules.get(0)).containsEntry("name", "nf_conntrack").containsEntry("size", 172032L)
                .containsEntry("instances", 3).containsEntry("used_by", List.of("xt_conntrack", "nf_nat", "xt_MASQUERADE"));
        assertThat(modules.get(1)).doesNotContainKey("used_by").containsEntry("state", "Live");
    }

    @Test
    void cmdlineStopsAtDoubleDashAndKeepsQuotes() {
        assertThat(KernelCollector.parseCmdline("ro quiet  a=\"b c\" -- --init-arg"))
                .containsExactly("ro", "quiet", "a=\"b c\"");
    }
}
