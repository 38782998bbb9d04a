package dev.backpack.agent.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OSHI in the shaded jar, in fresh JVMs whose class loading is logged: a {@code --tags common} run
 * loads no OSHI or JNA class at all, and a {@code --tags hardware} run on the workstation fixture
 * reads the fixture's sysfs through OSHI's own parsers (its roots pointed at {@code --host-root}).
 */
class HardwareJarIT {
    static final Path JAR = Path.of(System.getProperty("backpack.jar", "target/backpack.jar"));
    static final Path HOSTS = Path.of("src/test/resources/hosts");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void commonCollectionLoadsNoOshiOrJnaClass() throws Exception {
        Path classes = work.resolve("classes.log");
        int exit = java(List.of("-Xlog:class+load=info:file=" + classes), "--host-root",
                HOSTS.resolve("baremetal-sriov").toString(), "--tags", "common", "-u", "it", "--output",
                work.resolve("out").toString());

        assertThat(exit).as(Files.readString(work.resolve("stderr"))).isZero();
        List<String> loaded = Files.readAllLines(classes);
        // The log is real: the common collectors are in it.
        assertThat(loaded).anyMatch(l -> l.contains(" dev.backpack.agent.collector.cpu.CpuInfoCollector "));
        assertThat(loaded).noneMatch(l -> l.contains(" oshi.") || l.contains(" com.sun.jna."))
                .noneMatch(l -> l.contains(" dev.backpack.agent.collector.oshi."));
    }

    @Test
    void hardwareCollectionReadsTheHostRootThroughOshi() throws Exception {
        Path classes = work.resolve("classes.log");
        Path out = work.resolve("out");
        // Without libudev OSHI reads power supplies from sysfs, which follows --host-root (udev reads the
        // real /sys); the USB module then shows its reason for a bus OSHI cannot read.
        int exit = java(List.of("-Xlog:class+load=info:file=" + classes, "-Doshi.os.linux.allowudev=false"),
                "--host-root", HOSTS.resolve("workstation-hardware").toString(), "--tags", "hardware", "-u", "it",
                "--output", out.toString(), "--json");

        assertThat(exit).as(Files.readString(work.resolve("stderr"))).isZero();
        assertThat(Files.readAllLines(classes)).anyMatch(l -> l.contains(" oshi.hardware.common.platform.linux.LinuxSensors "));

        JsonNode sensors = JSON.readTree(Files.readAllLines(out.resolve("sensors-metadata.ndjson")).get(0)).path("value");
        // coretemp is OSHI's preferred chip (temp1_input 46000 m°C), fans and in1_input come from the nct6798.
        assertThat(sensors.path("cpu_temperature_c").asDouble()).isEqualTo(46.0);
        assertThat(sensors.path("fan_speeds_rpm").toString()).isEqualTo("[1251,887,0]");
        assertThat(sensors.path("cpu_voltage_v").asDouble()).isEqualTo(1.016);

        List<String> power = Files.readAllLines(out.resolve("power-metadata.ndjson"));
        assertThat(power).as("the mains adapter is not a power source").hasSize(1);
        JsonNode battery = JSON.readTree(power.get(0)).path("value");
        assertThat(battery.path("name").asText()).isEqualTo("BAT0");
        assertThat(battery.path("chemistry").asText()).isEqualTo("Li-poly");
        assertThat(battery.path("capacity_units").asText()).isEqualTo("MWH");
        assertThat(battery.path("design_capacity").asInt()).isEqualTo(57000);
        assertThat(battery.path("max_capacity").asInt()).isEqualTo(51390);
        assertThat(battery.path("remaining_capacity_percent").asDouble()).isEqualTo(78.0);
        assertThat(battery.path("cycle_count").asInt()).isEqualTo(112);
        assertThat(battery.path("discharging").asBoolean()).isTrue();

        JsonNode summary = JSON.readTree(Files.readString(work.resolve("stdout")));
        assertThat(reason(summary, "usb")).startsWith("/sys/bus/usb/devices lists 2 entries but OSHI found no USB device");
        // The fixture has two display controllers; OSHI asks lspci, which reads the real machine, not the fixture.
        assertThat(status(summary, "graphics")).isIn("ok", "skipped");
    }

    private static String status(JsonNode summary, String module) {
        return find(summary, module).path("status").asText();
    }

    private static String reason(JsonNode summary, String module) {
        JsonNode m = find(summary, module);
        assertThat(m.path("status").asText()).as(m.toString()).isEqualTo("skipped");
        return m.path("reason").asText();
    }

    private static JsonNode find(JsonNode summary, String module) {
        for (JsonNode m : summary.path("modules")) {
            if (m.path("module").asText().equals(module)) {
                return m;
            }
        }
        throw new AssertionError("no module " + module + " in " + summary);
    }

    private int java(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(JAR), "the shaded jar is built in the package phase: run mvn verify");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(work.resolve("stdout").toFile())
                .redirectError(work.resolve("stderr").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("backpack finished").isTrue();
        return process.exitValue();
    }
}
