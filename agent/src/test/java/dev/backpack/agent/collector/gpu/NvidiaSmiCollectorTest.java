package dev.backpack.agent.collector.gpu;

import dev.backpack.agent.collector.FakeCommands;
import dev.backpack.agent.collector.ModuleFacts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NvidiaSmiCollectorTest {

    @Test
    @SuppressWarnings("unchecked")
    void oneDocumentPerGpu() throws Exception {
        String csv = """
                0, NVIDIA A100-SXM4-80GB, GPU-2b7c3a1e-0000-1111-2222-333344445555, 1324321012345, 00000000:07:00.0, 535.129.03, 92.00.36.00.06, 81920, 400.00, 1410, 1593, Enabled, Default, Disabled
                1, NVIDIA A100-SXM4-80GB, GPU-9f0e1d2c-0000-1111-2222-333344445555, [N/A], 00000000:0F:00.0, 535.129.03, 92.00.36.00.06, 81920, 400.00, 1410, 1593, Enabled, Default, [Not Supported]
                """;
        FakeCommands tools = new FakeCommands(Map.of("nvidia-smi", csv));
        ModuleFacts facts = new NvidiaSmiCollector(tools).collect();
        assertThat(facts.facts()).hasSize(2);
        assertThat((Map<String, Object>) facts.facts().get(0).value()).containsEntry("name", "NVIDIA A100-SXM4-80GB")
                .containsEntry("pci_bus_id", "00000000:07:00.0").containsEntry("memory_total", "81920")
                .containsEntry("mig_mode_current", "Disabled");
        assertThat((Map<String, Object>) facts.facts().get(1).value()).doesNotContainKeys("serial", "mig_mode_current");
        assertThat(tools.calls.get(0)).contains("--format=csv,noheader,nounits");
    }

    @Test
    void absentToolIsASkip() throws Exception {
        ModuleFacts facts = new NvidiaSmiCollector(new FakeCommands(Map.of())).collect();
        assertThat(facts.isSkipped()).isTrue();
        assertThat(facts.skipReason()).contains("nvidia-smi is not installed");
    }
}
