package dev.backpack.agent.collector.power;

import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;
import oshi.hardware.PowerSource;
import oshi.hardware.common.platform.linux.LinuxPowerSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PowerCollectorTest {

    /** A laptop battery as OSHI's Linux code builds it from its uevent (energies in mWh). */
    static final PowerSource BATTERY = new LinuxPowerSource("BAT0", "5B10W51867", 0.78, -1d, 5400, -7462,
            16.681, -447.3, false, false, true, PowerSource.CapacityUnits.MWH, 40120, 51390, 57000, 112, "Li-poly",
            LocalDate.of(2021, 3, 9), "SMP", "4321", 0d);
    /** A UPS that reports almost nothing: OSHI's -1, 0 and "unknown" everywhere. */
    static final PowerSource BARE_UPS = new LinuxPowerSource("ups0", "unknown", -1d, -1d, -1d, 0, -1d, 0, false, false,
            false, PowerSource.CapacityUnits.MAH, -1, -1, -1, -1, "unknown", null, "unknown", "unknown", 0d);

    @Test
    void oneDocumentPerPowerSourceWithoutTheMissingValues() {
        ModuleFacts facts = new PowerCollector(Fixtures.host("workstation-hardware"), () -> List.of(BATTERY, BARE_UPS))
                .collect();

        assertThat(facts.facts()).hasSize(2).allSatisfy(f -> assertThat(f.sourceType()).isEqualTo("oshi"));
        assertThat(facts.facts().get(0).value()).isEqualTo(Map.ofEntries(Map.entry("name", "BAT0"),
                Map.entry("device_name", "5B10W51867"), Map.entry("manufacturer", "SMP"), Map.entry("serial_number", "4321"),
                Map.entry("chemistry", "Li-poly"), Map.entry("manufacture_date", "2021-03-09"),
                Map.entry("capacity_units", "MWH"), Map.entry("design_capacity", 57000), Map.entry("max_capacity", 51390),
                Map.entry("current_capacity", 40120), Map.entry("remaining_capacity_percent", 78.0),
                Map.entry("cycle_count", 112), Map.entry("voltage_v", 16.681), Map.entry("charging", false),
                Map.entry("discharging", true)));
        assertThat(facts.facts().get(1).value()).isEqualTo(Map.of("name", "ups0", "capacity_units", "MAH",
                "charging", false, "discharging", false));
    }

    @Test
    void nodeWithoutPowerSuppliesIsSkippedWithoutAskingOshi() {
        ModuleFacts facts = new PowerCollector(Fixtures.firecrackerVm(), () -> {
            throw new AssertionError("OSHI must not be loaded without power supplies");
        }).collect();

        assertThat(facts.skipReason()).isEqualTo("no power supplies on this node (/sys/class/power_supply is empty or "
                + "absent, as on most servers and VMs)");
    }

    @Test
    void onlyAMainsAdapterIsASkip() {
        ModuleFacts facts = new PowerCollector(Fixtures.host("workstation-hardware"), List::of).collect();

        assertThat(facts.skipReason()).isEqualTo("no battery or UPS: /sys/class/power_supply lists only mains adapters "
                + "or absent batteries");
    }
}
