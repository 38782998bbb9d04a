package dev.backpack.agent.collector.pci;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names from the {@code pci.ids} database (the file {@code lspci} uses). Only the vendors actually
 * present on the machine are kept, so parsing the 1.3 MB file stays cheap.
 *
 * <p>Format: {@code vvvv  Vendor}, then {@code \tdddd  Device}, then {@code \t\tssss ssss  Subsystem};
 * the class section starts at {@code C cc  Class} with {@code \tss  Subclass}.
 */
final class PciIds {
    private final Map<String, String> vendors = new HashMap<>();
    private final Map<String, String> devices = new HashMap<>();
    private final Map<String, String> subsystems = new HashMap<>();
    private final Map<String, String> classes = new HashMap<>();

    static final PciIds EMPTY = new PciIds();

    /** @param wantedVendors lower-case 4-digit vendor ids to keep (devices and subsystem vendors) */
    static PciIds parse(List<String> lines, Set<String> wantedVendors) {
        PciIds ids = new PciIds();
        String vendor = null;
        String device = null;
        String baseClass = null;
        boolean inClasses = false;
        for (String line : lines) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.startsWith("C ")) {
                inClasses = true;
                baseClass = line.substring(2, 4).toLowerCase();
                ids.classes.put(baseClass, line.substring(4).trim());
                continue;
            }
            if (inClasses) {
                if (line.startsWith("\t") && !line.startsWith("\t\t") && baseClass != null && line.length() > 3) {
                    ids.classes.put(baseClass + line.substring(1, 3).toLowerCase(), line.substring(3).trim());
                }
                continue;
            }
            if (line.charAt(0) != '\t') {
                if (line.length() < 5 || !isHex(line.substring(0, 4))) {
                    vendor = null;
                    continue;
                }
                vendor = line.substring(0, 4).toLowerCase();
                device = null;
                if (wantedVendors.contains(vendor)) {
                    ids.vendors.put(vendor, line.substring(4).trim());
                }
            } else if (vendor != null && wantedVendors.contains(vendor)) {
                if (line.startsWith("\t\t") && device != null && line.length() > 11) {
                    String sub = line.substring(2, 11).toLowerCase().replace(' ', ':');
                    ids.subsystems.put(vendor + ":" + device + ":" + sub, line.substring(11).trim());
                } else if (!line.startsWith("\t\t") && line.length() > 5) {
                    device = line.substring(1, 5).toLowerCase();
                    ids.devices.put(vendor + ":" + device, line.substring(5).trim());
                }
            }
        }
        return ids;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    Optional<String> vendor(String vendorId) {
        return Optional.ofNullable(vendors.get(vendorId));
    }

    Optional<String> device(String vendorId, String deviceId) {
        return Optional.ofNullable(devices.get(vendorId + ":" + deviceId));
    }

    Optional<String> subsystem(String vendorId, String deviceId, String subVendor, String subDevice) {
        return Optional.ofNullable(subsystems.get(vendorId + ":" + deviceId + ":" + subVendor + ":" + subDevice));
    }

    /** @param classCode six hex digits, e.g. {@code 020000} */
    Optional<String> className(String classCode) {
        if (classCode.length() < 4) {
            return Optional.empty();
        }
        String base = classCode.substring(0, 2);
        return Optional.ofNullable(classes.get(base + classCode.substring(2, 4)))
                .or(() -> Optional.ofNullable(classes.get(base)))
                .or(() -> Optional.ofNullable(PciClasses.BASE_NAMES.get(base)));
    }
}
