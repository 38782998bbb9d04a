package dev.backpack.agent.collector.usb;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.collector.oshi.OshiHardware;
import dev.backpack.agent.collector.oshi.OshiValues;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;
import oshi.hardware.UsbDevice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The USB device tree as OSHI reads it through libudev: one document per device, controllers first
 * and each device after its parent, with {@code parent} naming the parent's {@code unique_id} (its
 * sysfs path) and {@code depth} its distance from the controller, so the tree can be rebuilt from the
 * index. Skipped on a node without a USB bus.
 */
public final class UsbCollector implements Collector {
    static final String SOURCE = "oshi";
    static final String USB_DEVICES = "/sys/bus/usb/devices";

    private final HostPaths host;
    private final Supplier<List<UsbDevice>> controllers;

    /** @param controllers OSHI's USB tree: the controllers, each with its connected devices */
    public UsbCollector(HostPaths host, Supplier<List<UsbDevice>> controllers) {
        this.host = host;
        this.controllers = controllers;
    }

    public static UsbCollector forHost(HostPaths host) {
        return new UsbCollector(host, () -> new OshiHardware(host).hardware().getUsbDevices(true));
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.USB;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.entries(host, USB_DEVICES).readOrSkip("no USB bus on this node (" + USB_DEVICES
                + " is empty or absent)", this::collectFrom);
    }

    private ModuleFacts collectFrom(long busEntries) {
        List<Map<String, Object>> devices = flatten(controllers.get());
        if (devices.isEmpty()) {
            return ModuleFacts.skipped(USB_DEVICES + " lists " + busEntries + " entries but OSHI found no USB device: "
                    + "it reads them through libudev (libudev.so.1), which must be installed");
        }
        return ModuleFacts.of(devices.stream().map(d -> new Fact(SOURCE, d)).toList());
    }

    /** Depth first, parents before their children, in OSHI's order. */
    static List<Map<String, Object>> flatten(List<UsbDevice> controllers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UsbDevice controller : controllers) {
            add(controller, null, 0, out);
        }
        return out;
    }

    private static void add(UsbDevice device, String parent, int depth, List<Map<String, Object>> out) {
        String uniqueId = OshiValues.text(device.getUniqueDeviceId());
        List<UsbDevice> children = device.getConnectedDevices();
        out.add(Values.create()
                .put("name", OshiValues.text(device.getName()))
                .put("vendor", OshiValues.text(device.getVendor()))
                .put("vendor_id", OshiValues.hexId(device.getVendorId()))
                .put("product_id", OshiValues.hexId(device.getProductId()))
                .put("serial_number", OshiValues.text(device.getSerialNumber()))
                .put("unique_id", uniqueId)
                .put("parent", parent)
                .put("depth", depth)
                .put("connected_devices", children.size())
                .toMap());
        for (UsbDevice child : children) {
            add(child, uniqueId, depth + 1, out);
        }
    }
}
