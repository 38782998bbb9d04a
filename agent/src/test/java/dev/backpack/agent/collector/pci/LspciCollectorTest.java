package dev.backpack.agent.collector.pci;

import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LspciCollectorTest {

    @Test
    @SuppressWarnings("unchecked")
    void devicesWithNamesFromPciIds() {
        ModuleFacts facts = new LspciCollector(Fixtures.baremetalSriov()).collect();
        assertThat(facts.notes()).isEmpty();
        List<Map<String, Object>> devices = facts.facts().stream().map(Fact::value).map(v -> (Map<String, Object>) v).toList();
        assertThat(devices).extracting(d -> d.get("slot"))
                .containsExactly("0000:00:00.0", "0000:3b:00.0", "0000:3b:01.0", "0000:3b:01.1", "0000:d8:00.0");
        assertThat(devices.get(1)).containsEntry("class_id", "020000").containsEntry("class", "Ethernet controller")
                .containsEntry("vendor_id", "8086").containsEntry("vendor", "Intel Corporation")
                .containsEntry("device_id", "1592").containsEntry("device", "Ethernet Controller E810-C for QSFP")
                .containsEntry("subsystem_device", "Ethernet Network Adapter E810-C-Q2")
                .containsEntry("driver", "ice").containsEntry("revision", "02").containsEntry("numa_node", 0);
        assertThat(devices.get(4)).containsEntry("class", "Non-Volatile memory controller").containsEntry("numa_node", 1)
                .containsEntry("subsystem_device", "Express Flash PM9A3 NVMe 3.84TB");
        assertThat(devices.get(0)).doesNotContainKey("driver");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutPciIdsDevicesKeepIdsAndBaseClassNamesAndSayWhy() {
        ModuleFacts facts = new LspciCollector(Fixtures.firecrackerVm()).collect();
        assertThat(facts.notes()).singleElement().asString().contains("no pci.ids database");
        Map<String, Object> first = (Map<String, Object>) facts.facts().get(0).value();
        assertThat(first).containsEntry("slot", "0000:00:00.0").containsEntry("class", "Bridge")
                .containsKey("vendor_id").doesNotContainKey("vendor");
    }

    @Test
    void pciIdsKeepsOnlyWantedVendorsAndReadsClasses() {
        PciIds ids = PciIds.parse("""
                # comment
                1af4  Red Hat, Inc.
                \t1000  Virtio network device
                \t\t1af4 0001  Virtio network device
                8086  Intel Corporation
                \t10fb  82599ES 10-Gigabit SFI/SFP+ Network Connection
                C 02  Network controller
                \t00  Ethernet controller
                \t\t00  should not be a subclass
                C 0c  Serial bus controller
                """.lines().toList(), Set.of("1af4"));
        assertThat(ids.vendor("1af4")).contains("Red Hat, Inc.");
        assertThat(ids.device("1af4", "1000")).contains("Virtio network device");
        assertThat(ids.subsystem("1af4", "1000", "1af4", "0001")).contains("Virtio network device");
        assertThat(ids.vendor("8086")).isEmpty();
        assertThat(ids.device("8086", "10fb")).isEmpty();
        assertThat(ids.className("020000")).contains("Ethernet controller");
        assertThat(ids.className("0c0330")).contains("Serial bus controller");
        assertThat(ids.className("120000")).contains("Processing accelerators");
    }

    @Test
    void hexIdsAreNormalized() {
        assertThat(LspciCollector.hex("0x8086", 4)).isEqualTo("8086");
        assertThat(LspciCollector.hex("20000", 6)).isEqualTo("020000");
        assertThat(LspciCollector.hex(null, 4)).isNull();
    }
}
