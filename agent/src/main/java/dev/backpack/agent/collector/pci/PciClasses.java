package dev.backpack.agent.collector.pci;

import java.util.Map;

/**
 * PCI base class names from the PCI Code and ID Assignment specification, so devices get a readable
 * class even on machines without a {@code pci.ids} file (most container images).
 */
final class PciClasses {
    static final Map<String, String> BASE_NAMES = Map.ofEntries(
            Map.entry("00", "Unclassified device"),
            Map.entry("01", "Mass storage controller"),
            Map.entry("02", "Network controller"),
            Map.entry("03", "Display controller"),
            Map.entry("04", "Multimedia controller"),
            Map.entry("05", "Memory controller"),
            Map.entry("06", "Bridge"),
            Map.entry("07", "Communication controller"),
            Map.entry("08", "Generic system peripheral"),
            Map.entry("09", "Input device controller"),
            Map.entry("0a", "Docking station"),
            Map.entry("0b", "Processor"),
            Map.entry("0c", "Serial bus controller"),
            Map.entry("0d", "Wireless controller"),
            Map.entry("0e", "Intelligent controller"),
            Map.entry("0f", "Satellite communications controller"),
            Map.entry("10", "Encryption controller"),
            Map.entry("11", "Signal processing controller"),
            Map.entry("12", "Processing accelerators"),
            Map.entry("13", "Non-Essential Instrumentation"),
            Map.entry("ff", "Unassigned class"));

    private PciClasses() {
    }
}
