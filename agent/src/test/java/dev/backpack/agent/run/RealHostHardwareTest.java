package dev.backpack.agent.run;

import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.FakeCommands;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.contract.TagSelection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code hardware} modules against this machine's real / : each is collected or skipped (never an
 * error), and a skip gives the reason that matches what this machine's sysfs has. Build VMs usually have
 * none of the four, which makes this the real-machine test of the skip reasons.
 */
class RealHostHardwareTest {
    static RunSummary summary;

    @BeforeAll
    static void collect() {
        assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "needs a Linux /proc (this is not Linux)");
        summary = new CollectionRunner().run(new RunSettings("real", "this-machine", null, Path.of("/"),
                TagSelection.of(List.of("hardware"), List.of()), KubernetesAccess.none("none"), new FakeCommands(Map.of()),
                CollectorCatalog.machineOf(System.getProperty("os.arch"))), new CapturingSink());
    }

    @Test
    void everyHardwareModuleIsCollectedOrCleanlySkipped() {
        assertThat(summary.modules()).extracting(m -> m.module().moduleName())
                .containsExactly("sensors", "usb", "graphics", "power");
        assertThat(summary.modules()).as(summary.modules().toString())
                .allSatisfy(m -> assertThat(m.status()).isIn(ModuleStatus.OK, ModuleStatus.SKIPPED));
    }

    @Test
    void skipReasonsSayWhatThisMachineLacks() throws IOException {
        if (isEmpty("/sys/class/hwmon") && isEmpty("/sys/class/thermal")) {
            assertThat(reason("sensors")).startsWith("no hardware sensors on this node");
        }
        if (isEmpty("/sys/bus/usb/devices")) {
            assertThat(reason("usb")).startsWith("no USB bus on this node");
        }
        if (!hasDisplayController()) {
            assertThat(reason("graphics")).startsWith("no graphics card on this node");
        }
        if (isEmpty("/sys/class/power_supply")) {
            assertThat(reason("power")).startsWith("no power supplies on this node");
        }
    }

    private static String reason(String module) {
        ModuleOutcome outcome = summary.modules().stream().filter(m -> m.module().moduleName().equals(module))
                .findFirst().orElseThrow();
        assertThat(outcome.status()).as(module).isEqualTo(ModuleStatus.SKIPPED);
        return outcome.reason();
    }

    private static boolean isEmpty(String dir) throws IOException {
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private static boolean hasDisplayController() throws IOException {
        Path pci = Path.of("/sys/bus/pci/devices");
        if (!Files.isDirectory(pci)) {
            return false;
        }
        try (Stream<Path> devices = Files.list(pci)) {
            return devices.anyMatch(d -> {
                try {
                    return Files.readString(d.resolve("class")).startsWith("0x03");
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }
}
