package dev.backpack.agent.collector.dmi;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code dmidecode} shows: BIOS, system, baseboard and chassis from {@code /sys/class/dmi/id}
 * (world-readable except serials and the UUID), processors and memory devices from the SMBIOS table
 * {@code /sys/firmware/dmi/tables/DMI} (root only). One document per section, per processor socket and
 * per memory slot. Whatever could not be read is listed in a {@code skipped} document with the reason,
 * so a dashboard shows "needs privileges" rather than an empty field.
 */
public final class DmidecodeCollector implements Collector {
    static final String DMI_ID = "/sys/class/dmi/id";
    static final String DMI_TABLE = "/sys/firmware/dmi/tables/DMI";
    static final String PRIVILEGE_HINT = "needs root (set metadata.privileged: true in the Benchmark)";

    /** Section → (document field → sysfs attribute). Attributes marked root-only in the kernel's dmi-id driver. */
    static final Map<String, Map<String, String>> SECTIONS;
    static final List<String> ROOT_ONLY = List.of("product_serial", "product_uuid", "board_serial", "chassis_serial");

    static {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sections.put("bios", ordered("vendor", "bios_vendor", "version", "bios_version", "release_date", "bios_date",
                "release", "bios_release", "firmware_release", "ec_firmware_release"));
        sections.put("system", ordered("manufacturer", "sys_vendor", "product_name", "product_name", "version",
                "product_version", "serial_number", "product_serial", "uuid", "product_uuid", "sku_number",
                "product_sku", "family", "product_family"));
        sections.put("baseboard", ordered("manufacturer", "board_vendor", "product_name", "board_name", "version",
                "board_version", "serial_number", "board_serial", "asset_tag", "board_asset_tag"));
        sections.put("chassis", ordered("manufacturer", "chassis_vendor", "type", "chassis_type", "version",
                "chassis_version", "serial_number", "chassis_serial", "asset_tag", "chassis_asset_tag"));
        SECTIONS = java.util.Collections.unmodifiableMap(sections);
    }

    private final HostPaths host;

    public DmidecodeCollector(HostPaths host) {
        this.host = host;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.DMIDECODE;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.folder(host, DMI_ID).or(ReadOrSkip.exists(host, DMI_TABLE)).readOrSkip(
                "the machine exposes no DMI/SMBIOS data (" + DMI_ID + " and " + DMI_TABLE
                        + " are absent: a VM without firmware tables, or not x86/arm64 UEFI)", found -> collectPresent());
    }

    private ModuleFacts collectPresent() {
        Path idDir = host.resolve(DMI_ID);
        Path table = host.resolve(DMI_TABLE);
        List<Fact> facts = new ArrayList<>();
        List<Map<String, String>> skipped = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> section : SECTIONS.entrySet()) {
            Values v = Values.create().put("section", section.getKey());
            boolean any = false;
            for (Map.Entry<String, String> field : section.getValue().entrySet()) {
                String attribute = field.getValue();
                Path file = idDir.resolve(attribute);
                Optional<String> value = host.readTrimmed(file);
                if (value.isPresent()) {
                    v.put(field.getKey(), value.get());
                    if (attribute.equals("chassis_type")) {
                        v.put("type_name", ChassisTypes.name(value.get()));
                    }
                    any = true;
                } else if (ROOT_ONLY.contains(attribute)) {
                    skipped.add(Map.of("item", DMI_ID + "/" + attribute, "reason", PRIVILEGE_HINT));
                }
            }
            if (any) {
                facts.add(new Fact(DMI_ID, v.toMap()));
            }
        }
        Optional<byte[]> bytes = host.readBytes(table);
        if (bytes.isPresent()) {
            for (SmbiosTable.Structure s : SmbiosTable.parse(bytes.get())) {
                if (s.type() == SmbiosTable.TYPE_PROCESSOR) {
                    facts.add(new Fact("smbios", section("processor", SmbiosTable.processor(s))));
                } else if (s.type() == SmbiosTable.TYPE_MEMORY_DEVICE) {
                    facts.add(new Fact("smbios", section("memory_device", SmbiosTable.memoryDevice(s))));
                }
            }
        } else {
            skipped.add(Map.of("item", DMI_TABLE + " (processors, memory devices)",
                    "reason", host.exists(table) ? PRIVILEGE_HINT : "absent (kernel without DMI sysfs tables)"));
        }
        List<String> notes = new ArrayList<>();
        if (!skipped.isEmpty()) {
            facts.add(new Fact("backpack", Map.of("section", "skipped", "skipped", skipped)));
            notes.add("skipped " + skipped.size() + " item(s): " + skipped.stream()
                    .map(m -> m.get("item") + " (" + m.get("reason") + ")").reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return ModuleFacts.of(facts, notes);
    }

    private static Map<String, Object> section(String name, Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("section", name);
        out.putAll(fields);
        return out;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
