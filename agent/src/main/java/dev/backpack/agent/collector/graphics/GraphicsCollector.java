package dev.backpack.agent.collector.graphics;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.collector.oshi.OshiHardware;
import dev.backpack.agent.collector.oshi.OshiValues;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;
import oshi.hardware.GraphicsCard;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every graphics card, any vendor, as OSHI describes it (it asks {@code lspci}, else {@code lshw}, and
 * NVML for an NVIDIA card's memory): name, vendor, vendor and device ids, version, VRAM. One document
 * per card; skipped when the PCI bus has no display controller.
 */
public final class GraphicsCollector implements Collector {
    static final String SOURCE = "oshi";
    static final String PCI_DEVICES = "/sys/bus/pci/devices";
    /** PCI base class 03: display controller (VGA, XGA, 3D, other). */
    static final String DISPLAY_CLASS_PREFIX = "0x03";
    /** OSHI's lspci spelling of a vendor: {@code Intel Corporation (0x8086)}. */
    private static final Pattern NAME_AND_ID = Pattern.compile("(.*?)\\s*\\(0x([0-9a-fA-F]+)\\)");

    private final HostPaths host;
    private final Supplier<List<GraphicsCard>> cards;

    public GraphicsCollector(HostPaths host, Supplier<List<GraphicsCard>> cards) {
        this.host = host;
        this.cards = cards;
    }

    public static GraphicsCollector forHost(HostPaths host) {
        return new GraphicsCollector(host, () -> new OshiHardware(host).hardware().getGraphicsCards());
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.GRAPHICS;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.count(countDisplayControllers()).readOrSkip("no graphics card on this node (no display "
                + "controller, PCI class 03, in " + PCI_DEVICES + ")", this::collectFrom);
    }

    private ModuleFacts collectFrom(long displays) {
        List<Map<String, Object>> described = cards.get().stream().map(GraphicsCollector::describe).toList();
        if (described.isEmpty()) {
            return ModuleFacts.skipped(displays + " display controller(s) in " + PCI_DEVICES + " but OSHI described none: "
                    + "it needs lspci (pciutils) or lshw on the PATH");
        }
        return ModuleFacts.of(described.stream().map(card -> new Fact(SOURCE, card)).toList());
    }

    private long countDisplayControllers() {
        return host.list(host.resolve(PCI_DEVICES)).stream()
                .map(device -> host.readTrimmed(device.resolve("class")).orElse(""))
                .filter(pciClass -> pciClass.startsWith(DISPLAY_CLASS_PREFIX))
                .count();
    }

    static Map<String, Object> describe(GraphicsCard card) {
        String vendor = OshiValues.text(card.getVendor());
        String vendorId = null;
        if (vendor != null) {
            Matcher m = NAME_AND_ID.matcher(vendor);
            if (m.matches()) {
                vendor = OshiValues.text(m.group(1));
                vendorId = OshiValues.hexId(m.group(2));
            }
        }
        return Values.create()
                .put("name", OshiValues.text(card.getName()))
                .put("vendor", vendor)
                .put("vendor_id", vendorId)
                .put("device_id", OshiValues.hexId(card.getDeviceId()))
                .put("version_info", versionInfo(card.getVersionInfo()))
                .put("vram_bytes", OshiValues.positive(card.getVRam()))
                .toMap();
    }

    /** lspci's {@code Rev:<tab>a1} lines, joined by OSHI, with the tabs as single spaces. */
    private static String versionInfo(String versionInfo) {
        String text = OshiValues.text(versionInfo);
        return text == null ? null : text.replaceAll("\\s+", " ");
    }
}
