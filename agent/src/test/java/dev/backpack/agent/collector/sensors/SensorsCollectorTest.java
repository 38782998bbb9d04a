package dev.backpack.agent.collector.sensors;

import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;
import oshi.hardware.Sensors;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SensorsCollectorTest {

    static Sensors sensors(double temperature, int[] fans, double voltage) {
        return new Sensors() {
            @Override
            public double getCpuTemperature() {
                return temperature;
            }

            @Override
            public int[] getFanSpeeds() {
                return fans;
            }

            @Override
            public double getCpuVoltage() {
                return voltage;
            }
        };
    }

    @Test
    void oneDocumentWithTemperatureFansAndVoltage() {
        ModuleFacts facts = new SensorsCollector(Fixtures.host("workstation-hardware"),
                () -> sensors(46.0, new int[]{1251, 887, 0}, 1.016)).collect();

        assertThat(facts.facts()).singleElement().satisfies(fact -> {
            assertThat(fact.sourceType()).isEqualTo("oshi");
            assertThat(fact.value()).isEqualTo(Map.of("cpu_temperature_c", 46.0, "fan_speeds_rpm", List.of(1251, 887, 0),
                    "cpu_voltage_v", 1.016));
        });
    }

    @Test
    void oshisZerosAndNanAreLeftOutNotReported() {
        assertThat(SensorsCollector.describe(sensors(0, new int[]{2100}, Double.NaN)))
                .containsOnlyKeys("fan_speeds_rpm");
        assertThat(SensorsCollector.describe(sensors(38.5, new int[0], 0))).isEqualTo(Map.of("cpu_temperature_c", 38.5));
    }

    @Test
    void nodeWithoutHwmonOrThermalZonesIsSkippedWithoutAskingOshi() {
        ModuleFacts facts = new SensorsCollector(Fixtures.firecrackerVm(), () -> {
            throw new AssertionError("OSHI must not be loaded when sysfs has no sensors");
        }).collect();

        assertThat(facts.skipReason()).isEqualTo("no hardware sensors on this node (/sys/class/hwmon and "
                + "/sys/class/thermal are empty or absent, as in most VMs)");
    }

    @Test
    void sensorsWithoutReadingsAreASkipSayingWhereOshiLooked() {
        ModuleFacts facts = new SensorsCollector(Fixtures.host("workstation-hardware"),
                () -> sensors(0, new int[0], 0)).collect();

        assertThat(facts.skipReason()).startsWith("no sensor readings: OSHI found no CPU temperature, fan speed or CPU voltage");
    }
}
