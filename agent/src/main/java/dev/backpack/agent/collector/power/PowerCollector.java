package dev.backpack.agent.collector.power;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.collector.oshi.OshiHardware;
import dev.backpack.agent.collector.oshi.OshiValues;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;
import oshi.hardware.PowerSource;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Batteries and UPSes (the power supplies in {@code /sys/class/power_supply} other than mains
 * adapters) as OSHI reads them: identity, chemistry, design and full capacity, charge state. One
 * document per power source; skipped when there is none, as on most servers and VMs. Time-remaining
 * estimates are left out: they change from one second to the next and say nothing about the machine.
 */
public final class PowerCollector implements Collector {
    static final String SOURCE = "oshi";
    static final String POWER_SUPPLY = "/sys/class/power_supply";

    private final HostPaths host;
    private final Supplier<List<PowerSource>> sources;

    public PowerCollector(HostPaths host, Supplier<List<PowerSource>> sources) {
        this.host = host;
        this.sources = sources;
    }

    public static PowerCollector forHost(HostPaths host) {
        return new PowerCollector(host, () -> new OshiHardware(host).hardware().getPowerSources());
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.POWER;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.entries(host, POWER_SUPPLY).readOrSkip("no power supplies on this node (" + POWER_SUPPLY
                + " is empty or absent, as on most servers and VMs)", supplies -> collectPresent());
    }

    private ModuleFacts collectPresent() {
        List<PowerSource> found = sources.get();
        if (found.isEmpty()) {
            return ModuleFacts.skipped("no battery or UPS: " + POWER_SUPPLY + " lists only mains adapters or absent batteries");
        }
        return ModuleFacts.of(found.stream().map(source -> new Fact(SOURCE, describe(source))).toList());
    }

    /** OSHI's -1, 0 and {@code unknown} for what the kernel did not report are left out. */
    static Map<String, Object> describe(PowerSource ps) {
        double remaining = ps.getRemainingCapacityPercent();
        return Values.create()
                .put("name", OshiValues.text(ps.getName()))
                .put("device_name", OshiValues.text(ps.getDeviceName()))
                .put("manufacturer", OshiValues.text(ps.getManufacturer()))
                .put("serial_number", OshiValues.text(ps.getSerialNumber()))
                .put("chemistry", OshiValues.text(ps.getChemistry()))
                .put("manufacture_date", ps.getManufactureDate() == null ? null : ps.getManufactureDate().toString())
                .put("capacity_units", ps.getCapacityUnits() == null ? null : ps.getCapacityUnits().name())
                .put("design_capacity", OshiValues.notNegative(ps.getDesignCapacity()))
                .put("max_capacity", OshiValues.notNegative(ps.getMaxCapacity()))
                .put("current_capacity", OshiValues.notNegative(ps.getCurrentCapacity()))
                // OSHI gives a fraction, -1 when unknown; documents use percent like upower and the kernel.
                .put("remaining_capacity_percent", remaining >= 0 ? Math.round(remaining * 1000) / 10.0 : null)
                .put("cycle_count", OshiValues.notNegative(ps.getCycleCount()))
                .put("voltage_v", OshiValues.positive(ps.getVoltage()))
                .put("charging", ps.isCharging())
                .put("discharging", ps.isDischarging())
                .put("temperature_c", OshiValues.positive(ps.getTemperature()))
                .toMap();
    }
}
