package dev.backpack.agent.collector.dmi;

import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DmidecodeCollectorTest {

    @Test
    void privilegedReadGivesSectionsProcessorsAndMemoryDevices() {
        ModuleFacts facts = new DmidecodeCollector(Fixtures.baremetalSriov()).collect();
        List<Map<String, Object>> docs = values(facts);
        assertThat(docs).extracting(d -> d.get("section")).containsExactly("bios", "system", "baseboard", "chassis",
                "processor", "processor", "memory_device", "memory_device", "memory_device");
        assertThat(docs.get(1)).containsEntry("manufacturer", "Dell Inc.").containsEntry("product_name", "PowerEdge R640")
                .containsEntry("serial_number", "7XK2M63");
        assertThat(docs.get(3)).containsEntry("type", "23").containsEntry("type_name", "Rack Mount Chassis");
        assertThat(docs.get(4)).containsEntry("socket_designation", "CPU1").containsEntry("core_count", 20L)
                .containsEntry("thread_count", 40L).containsEntry("max_speed_mhz", 4000L).containsEntry("populated", true);
        assertThat(docs.get(6)).containsEntry("locator", "A1").containsEntry("size_mib", 32768L)
                .containsEntry("type", "DDR4").containsEntry("speed_mts", 2933L)
                .containsEntry("part_number", "M393A4K40CB2-CVF");
        assertThat(docs.get(8)).containsEntry("locator", "B1").containsEntry("installed", false);
        assertThat(facts.notes()).isEmpty();
    }

    @Test
    void unprivilegedReadKeepsWhatIsReadableAndSaysWhatWasSkippedAndWhy() {
        ModuleFacts facts = new DmidecodeCollector(Fixtures.ubuntuUnprivileged()).collect();
        List<Map<String, Object>> docs = values(facts);
        assertThat(docs).extracting(d -> d.get("section")).containsExactly("bios", "system", "baseboard", "chassis", "skipped");
        assertThat(docs.get(1)).containsEntry("product_name", "Virtual Machine").doesNotContainKey("serial_number");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> skipped = (List<Map<String, String>>) docs.get(4).get("skipped");
        assertThat(skipped).extracting(s -> s.get("item")).contains("/sys/class/dmi/id/product_serial",
                "/sys/class/dmi/id/product_uuid", "/sys/firmware/dmi/tables/DMI (processors, memory devices)");
        assertThat(skipped).allSatisfy(s -> assertThat(s.get("reason")).contains("needs root", "metadata.privileged"));
        assertThat(facts.notes()).singleElement().asString().startsWith("skipped 5 item(s)");
    }

    @Test
    void noDmiAtAllIsASkip() {
        ModuleFacts facts = new DmidecodeCollector(Fixtures.firecrackerVm()).collect();
        assertThat(facts.isSkipped()).isTrue();
        assertThat(facts.skipReason()).contains("no DMI/SMBIOS data");
    }

    @Test
    void smbiosParserStopsAtATruncatedTableAndKeepsWhatItDecoded() {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        // type 17, length 0x22, handle 0x1100; size 0x8000|512 = 512 KiB -> 0 MiB; locator string 1
        byte[] formatted = new byte[0x22];
        formatted[0] = 17;
        formatted[1] = 0x22;
        formatted[0x0c] = 0x00;
        formatted[0x0d] = (byte) 0x82; // 0x8200: KiB units, 512 KiB
        formatted[0x10] = 1;
        formatted[0x12] = 0x22; // DDR5
        table.writeBytes(formatted);
        table.writeBytes("DIMM 0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        table.writeBytes(new byte[]{4, 0x30}); // a processor header whose body is missing
        List<SmbiosTable.Structure> parsed = SmbiosTable.parse(table.toByteArray());
        assertThat(parsed).hasSize(1);
        assertThat(SmbiosTable.memoryDevice(parsed.get(0))).containsEntry("locator", "DIMM 0")
                .containsEntry("type", "DDR5").containsEntry("size_mib", 0L);
    }

    @Test
    void chassisTypeNames() {
        assertThat(ChassisTypes.name("3")).isEqualTo("Desktop");
        assertThat(ChassisTypes.name("17")).isEqualTo("Main Server Chassis");
        assertThat(ChassisTypes.name("99")).isNull();
        assertThat(ChassisTypes.name("x")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> values(ModuleFacts facts) {
        return facts.facts().stream().map(Fact::value).map(v -> (Map<String, Object>) v).toList();
    }
}
