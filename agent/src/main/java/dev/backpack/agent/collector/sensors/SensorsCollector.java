package dev.backpack.agent.collector.sensors;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.collector.oshi.OshiHardware;
import dev.backpack.agent.collector.oshi.OshiValues;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;
import oshi.hardware.Sensors;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The node's hardware sensors as OSHI reads them from {@code /sys/class/hwmon} (and the thermal zones
 * when no hwmon chip reports a temperature): the CPU temperature, the fan speeds and the CPU voltage.
 * One document; skipped when the node exposes none, as most VMs do.
 */
public final class SensorsCollector implements Collector {
    static final String SOURCE = "oshi";
    static final String HWMON = "/sys/class/hwmon";
    static final String THERMAL = "/sys/class/thermal";

    private final HostPaths host;
    private final Supplier<Sensors> sensors;

    public SensorsCollector(HostPaths host, Supplier<Sensors> sensors) {
        this.host = host;
        this.sensors = sensors;
    }

    public static SensorsCollector forHost(HostPaths host) {
        return new SensorsCollector(host, () -> new OshiHardware(host).hardware().getSensors());
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.SENSORS;
    }

    @Override
    public ModuleFacts collect() {
        // OSHI would report zeros here; checking first also keeps it from loading on a node without sensors.
        return ReadOrSkip.entries(host, HWMON, THERMAL).readOrSkip("no hardware sensors on this node (" + HWMON
                + " and " + THERMAL + " are empty or absent, as in most VMs)", entries -> collectPresent());
    }

    private ModuleFacts collectPresent() {
        Map<String, Object> value = describe(sensors.get());
        if (value.isEmpty()) {
            return ModuleFacts.skipped("no sensor readings: OSHI found no CPU temperature, fan speed or CPU voltage in "
                    + HWMON + " or " + THERMAL);
        }
        return ModuleFacts.of(List.of(new Fact(SOURCE, value)));
    }

    /** OSHI reports a missing temperature or voltage as 0 and no fans as an empty array: those are left out. */
    static Map<String, Object> describe(Sensors sensors) {
        int[] fans = sensors.getFanSpeeds();
        return Values.create()
                .put("cpu_temperature_c", OshiValues.positive(sensors.getCpuTemperature()))
                .put("fan_speeds_rpm", fans == null || fans.length == 0 ? null : Arrays.stream(fans).boxed().toList())
                .put("cpu_voltage_v", OshiValues.positive(sensors.getCpuVoltage()))
                .toMap();
    }
}
