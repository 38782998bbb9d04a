package dev.backpack.agent.collector.pci;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.host.KeyValueText;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One document per PCI device from {@code /sys/bus/pci/devices}, with what {@code lspci -mmvk}
 * prints: slot, class, vendor, device, subsystem ids, revision, driver and kernel module, and names
 * from {@code pci.ids} when the machine has the database.
 */
public final class LspciCollector implements Collector {
    static final String DEVICES = "/sys/bus/pci/devices";
    static final List<String> PCI_IDS = List.of("/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids",
            "/usr/share/pci.ids");

    private final HostPaths host;

    public LspciCollector(HostPaths host) {
        this.host = host;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.LSPCI;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.folder(host, DEVICES).readOrSkip("no PCI bus (" + DEVICES + " is absent)", this::collectFrom);
    }

    private ModuleFacts collectFrom(Path dir) {
        List<RawDevice> devices = new ArrayList<>();
        for (Path device : host.list(dir)) {
            devices.add(read(device));
        }
        Set<String> vendors = new TreeSet<>();
        devices.forEach(d -> {
            vendors.add(d.vendor());
            if (d.subsystemVendor() != null) {
                vendors.add(d.subsystemVendor());
            }
        });
        List<String> notes = new ArrayList<>();
        PciIds ids = loadIds(vendors, notes);
        List<Fact> facts = new ArrayList<>();
        for (RawDevice device : devices) {
            facts.add(new Fact("lspci", describe(device, ids)));
        }
        return ModuleFacts.of(facts, notes);
    }

    private PciIds loadIds(Set<String> vendors, List<String> notes) {
        for (String candidate : PCI_IDS) {
            Optional<List<String>> lines = host.readLines(host.resolve(candidate));
            if (lines.isPresent()) {
                return PciIds.parse(lines.get(), vendors);
            }
        }
        notes.add("no pci.ids database (" + String.join(", ", PCI_IDS) + "): devices carry ids and class names only");
        return PciIds.EMPTY;
    }

    record RawDevice(String slot, String classCode, String vendor, String device, String subsystemVendor,
                     String subsystemDevice, String revision, String driver, String module, String numaNode,
                     Map<String, String> uevent) {
    }

    private RawDevice read(Path dir) {
        Map<String, String> uevent = KeyValueText.parseAssignments(
                host.readLines(dir.resolve("uevent")).orElse(List.of()));
        String driver = host.linkName(dir.resolve("driver")).orElse(uevent.get("DRIVER"));
        String module = host.linkName(dir.resolve("driver").resolve("module")).orElse(null);
        return new RawDevice(
                uevent.getOrDefault("PCI_SLOT_NAME", dir.getFileName().toString()),
                hex(host.readTrimmed(dir.resolve("class")).orElse(uevent.get("PCI_CLASS")), 6),
                hex(host.readTrimmed(dir.resolve("vendor")).orElse(idPart(uevent.get("PCI_ID"), 0)), 4),
                hex(host.readTrimmed(dir.resolve("device")).orElse(idPart(uevent.get("PCI_ID"), 1)), 4),
                hex(host.readTrimmed(dir.resolve("subsystem_vendor")).orElse(idPart(uevent.get("PCI_SUBSYS_ID"), 0)), 4),
                hex(host.readTrimmed(dir.resolve("subsystem_device")).orElse(idPart(uevent.get("PCI_SUBSYS_ID"), 1)), 4),
                hex(host.readTrimmed(dir.resolve("revision")).orElse(null), 2),
                driver, module,
                host.readTrimmed(dir.resolve("numa_node")).orElse(null),
                uevent);
    }

    static Map<String, Object> describe(RawDevice d, PciIds ids) {
        Values v = Values.create()
                .put("slot", d.slot())
                .put("class_id", d.classCode())
                .put("class", d.classCode() == null ? null : ids.className(d.classCode()).orElse(null))
                .put("vendor_id", d.vendor())
                .put("vendor", d.vendor() == null ? null : ids.vendor(d.vendor()).orElse(null))
                .put("device_id", d.device())
                .put("device", d.vendor() == null ? null : ids.device(d.vendor(), d.device()).orElse(null))
                .put("subsystem_vendor_id", d.subsystemVendor())
                .put("subsystem_vendor", d.subsystemVendor() == null ? null : ids.vendor(d.subsystemVendor()).orElse(null))
                .put("subsystem_device_id", d.subsystemDevice())
                .put("subsystem_device", d.vendor() == null || d.subsystemVendor() == null ? null
                        : ids.subsystem(d.vendor(), d.device(), d.subsystemVendor(), d.subsystemDevice()).orElse(null))
                .put("revision", d.revision())
                .put("driver", d.driver());
        // Built-in drivers have no module; the driver name is not guessed as a module name.
        if (d.module() != null) {
            v.put("kernel_modules", List.of(d.module()));
        }
        if (d.numaNode() != null && d.numaNode().matches("\\d+")) {
            v.put("numa_node", Integer.parseInt(d.numaNode()));
        }
        return v.toMap();
    }

    /** {@code 0x8086} → {@code 8086}; uevent's {@code 20000} class → {@code 020000}. */
    static String hex(String raw, int width) {
        if (raw == null) {
            return null;
        }
        String digits = raw.trim().toLowerCase();
        if (digits.startsWith("0x")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty()) {
            return null;
        }
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static String idPart(String pair, int index) {
        if (pair == null) {
            return null;
        }
        String[] parts = pair.split(":");
        return parts.length > index ? parts[index] : null;
    }
}
