package dev.backpack.agent.collector.dmi;

import java.util.List;

/**
 * SMBIOS chassis type names (DSP0134, 7.4.1), as {@code dmidecode} prints them: sysfs gives only the
 * number ({@code chassis_type = 23}).
 */
final class ChassisTypes {
    private static final List<String> NAMES = List.of("Other", "Unknown", "Desktop", "Low Profile Desktop",
            "Pizza Box", "Mini Tower", "Tower", "Portable", "Laptop", "Notebook", "Hand Held", "Docking Station",
            "All In One", "Sub Notebook", "Space-saving", "Lunch Box", "Main Server Chassis", "Expansion Chassis",
            "Sub Chassis", "Bus Expansion Chassis", "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis",
            "Sealed-case PC", "Multi-system", "CompactPCI", "AdvancedTCA", "Blade", "Blade Enclosing", "Tablet",
            "Convertible", "Detachable", "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC");

    private ChassisTypes() {
    }

    /** {@code "23"} → {@code Rack Mount Chassis}; null for values outside the table. */
    static String name(String number) {
        try {
            int n = Integer.parseInt(number.trim()) & 0x7f; // bit 7 is the chassis lock flag
            return n >= 1 && n <= NAMES.size() ? NAMES.get(n - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
