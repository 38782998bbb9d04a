package dev.backpack.agent.collector.graphics;

import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;
import oshi.hardware.GpuStats;
import oshi.hardware.GraphicsCard;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphicsCollectorTest {

    /** A card as OSHI's Linux code builds it: lspci's {@code Name (0xID)} vendor, {@code 0x} device id. */
    record Card(String getName, String getDeviceId, String getVendor, String getVersionInfo, long getVRam)
            implements GraphicsCard {
        @Override
        public GpuStats createStatsSession() {
            throw new UnsupportedOperationException("documents carry no live GPU statistics");
        }
    }

    static final Card NVIDIA = new Card("TU104 [GeForce RTX 2070 SUPER]", "0x1e84", "NVIDIA Corporation (0x10de)",
            "Rev:\ta1", 8_589_934_592L);
    /** What lshw (OSHI's fallback) gives: no ids, no memory size. */
    static final Card INTEL_FROM_LSHW = new Card("CoffeeLake-S GT2 [UHD Graphics 630]", "unknown", "Intel Corporation",
            "version: 02", 0);

    @Test
    void oneDocumentPerCardWithVendorAndDeviceIdsSpelledLikeLspci() {
        ModuleFacts facts = new GraphicsCollector(Fixtures.host("workstation-hardware"), () -> List.of(NVIDIA, INTEL_FROM_LSHW))
                .collect();

        List<Object> values = facts.facts().stream().map(Fact::value).toList();
        assertThat(values).containsExactly(
                Map.of("name", "TU104 [GeForce RTX 2070 SUPER]", "vendor", "NVIDIA Corporation", "vendor_id", "10de",
                        "device_id", "1e84", "version_info", "Rev: a1", "vram_bytes", 8_589_934_592L),
                Map.of("name", "CoffeeLake-S GT2 [UHD Graphics 630]", "vendor", "Intel Corporation",
                        "version_info", "version: 02"));
    }

    @Test
    void nodeWithoutADisplayControllerIsSkippedWithoutAskingOshi() {
        // The firecracker VM's PCI bus has a host bridge, virtio devices and no display controller.
        ModuleFacts facts = new GraphicsCollector(Fixtures.firecrackerVm(), () -> {
            throw new AssertionError("OSHI must not be loaded without a display controller");
        }).collect();

        assertThat(facts.skipReason()).isEqualTo("no graphics card on this node (no display controller, PCI class 03, "
                + "in /sys/bus/pci/devices)");
    }

    @Test
    void displayControllersOshiCannotDescribeNameTheToolsItNeeds() {
        ModuleFacts facts = new GraphicsCollector(Fixtures.host("workstation-hardware"), List::of).collect();

        assertThat(facts.skipReason()).isEqualTo("2 display controller(s) in /sys/bus/pci/devices but OSHI described none: "
                + "it needs lspci (pciutils) or lshw on the PATH");
    }
}
