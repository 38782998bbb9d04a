package dev.backpack.agent.collector.usb;

import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;
import oshi.hardware.UsbDevice;
import oshi.hardware.common.platform.linux.LinuxUsbDevice;
import oshi.hardware.common.platform.linux.UdevUsbDevice;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsbCollectorTest {
    static final String XHCI = "/sys/devices/pci0000:00/0000:00:14.0/usb1";
    static final String HUB = XHCI + "/1-4";
    static final String RECEIVER = HUB + "/1-4.2";
    static final String KEYBOARD = XHCI + "/1-1";

    /** OSHI's own tree builder, fed what libudev reports for a desktop: a controller, a hub, two devices. */
    static List<UsbDevice> desktopTree() {
        return LinuxUsbDevice.getUsbDevices(List.of(
                new UdevUsbDevice(RECEIVER, "USB Receiver", "Logitech", "046d", "c52b", null, HUB),
                new UdevUsbDevice(XHCI, "xHCI Host Controller", "Linux 6.1.0-18-amd64 xhci-hcd", "1d6b", "0002",
                        "0000:00:14.0", null),
                new UdevUsbDevice(HUB, "USB2.0 Hub", "Genesys Logic", "05E3", "0610", null, XHCI),
                new UdevUsbDevice(KEYBOARD, "Keychron K2", "Keychron", "05ac", "024f", "K2-0042", XHCI)));
    }

    @Test
    void oneDocumentPerDeviceParentsFirstWithTheirPath() {
        ModuleFacts facts = new UsbCollector(Fixtures.host("workstation-hardware"), UsbCollectorTest::desktopTree).collect();

        List<Object> values = facts.facts().stream().map(Fact::value).toList();
        assertThat(values).extracting(v -> (Object) ((Map<?, ?>) v).get("name"))
                .containsExactly("xHCI Host Controller", "Keychron K2", "USB2.0 Hub", "USB Receiver");
        assertThat(values.get(0)).isEqualTo(Map.of("name", "xHCI Host Controller", "vendor", "Linux 6.1.0-18-amd64 xhci-hcd",
                "vendor_id", "1d6b", "product_id", "0002", "serial_number", "0000:00:14.0", "unique_id", XHCI,
                "depth", 0, "connected_devices", 2));
        assertThat(values.get(2)).isEqualTo(Map.of("name", "USB2.0 Hub", "vendor", "Genesys Logic", "vendor_id", "05e3",
                "product_id", "0610", "unique_id", HUB, "parent", XHCI, "depth", 1, "connected_devices", 1));
        assertThat(values.get(3)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("parent", HUB).containsEntry("depth", 2)
                .doesNotContainKey("serial_number");
        assertThat(facts.facts()).allSatisfy(f -> assertThat(f.sourceType()).isEqualTo("oshi"));
    }

    @Test
    void nodeWithoutAUsbBusIsSkippedWithoutAskingOshi() {
        ModuleFacts facts = new UsbCollector(Fixtures.firecrackerVm(), () -> {
            throw new AssertionError("OSHI must not be loaded without a USB bus");
        }).collect();

        assertThat(facts.skipReason()).isEqualTo("no USB bus on this node (/sys/bus/usb/devices is empty or absent)");
    }

    @Test
    void aBusThatOshiCannotReadNamesLibudev() {
        ModuleFacts facts = new UsbCollector(Fixtures.host("workstation-hardware"), List::of).collect();

        assertThat(facts.skipReason()).isEqualTo("/sys/bus/usb/devices lists 2 entries but OSHI found no USB device: "
                + "it reads them through libudev (libudev.so.1), which must be installed");
    }
}
