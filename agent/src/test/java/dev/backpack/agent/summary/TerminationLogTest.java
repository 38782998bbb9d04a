package dev.backpack.agent.summary;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backpack.agent.run.ModuleOutcome;
import dev.backpack.agent.run.ModuleStatus;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.contract.MetadataModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerminationLogTest {

    private static RunSummary run(DeliveryReport report) {
        List<ModuleOutcome> modules = List.of(
                new ModuleOutcome(MetadataModule.CPUINFO, ModuleStatus.OK, 4, Duration.ofMillis(5), null, List.of()),
                new ModuleOutcome(MetadataModule.MEMINFO, ModuleStatus.OK, 1, Duration.ofMillis(5), null, List.of()),
                new ModuleOutcome(MetadataModule.NVIDIA_SMI, ModuleStatus.SKIPPED, 0, Duration.ZERO, "no GPU", List.of()),
                new ModuleOutcome(MetadataModule.DMIDECODE, ModuleStatus.SKIPPED, 0, Duration.ZERO, "no DMI", List.of()));
        return new RunSummary("u-1", "worker-0", "https://es:9200", modules, 5, report, null, Duration.ofMillis(1234));
    }

    private static DeliveryReport report(boolean withFailure) {
        Map<String, DeliveryReport.ModuleDelivery> modules = new LinkedHashMap<>();
        modules.put("cpuinfo", new DeliveryReport.ModuleDelivery(3, 1, List.of()));
        modules.put("meminfo", new DeliveryReport.ModuleDelivery(0, 0, withFailure
                ? List.of(new DeliveryReport.FailedDocument("abc", "HTTP 400 mapper_parsing_exception")) : List.of()));
        return new DeliveryReport(modules, true);
    }

    @Test
    void writesOneLineOfJsonWithTheCounts(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("termination-log");
        TerminationSummary summary = TerminationSummary.of(run(report(false)), null);

        assertThat(new TerminationLog(log).write(summary)).isTrue();

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"status\":\"ok\"")
                .contains("\"modules\":2", "\"indexed\":3", "\"alreadyPresent\":1", "\"skipped\":2", "\"failed\":0",
                        "\"durationMs\":1234");
        assertThat(SummaryJson.parse(lines.get(0))).isEqualTo(summary);
        assertThat(summary.exitCode(false)).isZero();
    }

    @Test
    void aFailureNamesTheModuleAndExitsOneUnlessOptional(@TempDir Path dir) throws Exception {
        TerminationSummary summary = TerminationSummary.of(run(report(true)), null);
        new TerminationLog(dir.resolve("log")).write(summary);

        assertThat(summary.status()).isEqualTo(TerminationSummary.FAILED);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.errors()).singleElement().asString()
                .startsWith("meminfo: 1 documents not indexed: HTTP 400");
        assertThat(summary.exitCode(false)).isEqualTo(1);
        assertThat(summary.exitCode(true)).isZero();
        assertThat(Files.readString(dir.resolve("log"))).contains("\"status\":\"failed\"");
    }

    @Test
    void skipsQuietlyWhenThereIsNoDirectory(@TempDir Path dir) {
        Path log = dir.resolve("missing-dir").resolve("termination-log");
        TerminationSummary summary = TerminationSummary.skipped("u", "n", "files", "already collected", Duration.ZERO);

        assertThat(new TerminationLog(log).write(summary)).isFalse();
        assertThat(Files.exists(log)).isFalse();
        assertThat(summary.exitCode(false)).as("a de-duplicated skip is a success").isZero();
    }

    @Test
    void staysShortEnoughForAKubernetesTerminationMessage() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add("collector " + i + " failed: " + "x".repeat(1000));
        }
        TerminationSummary summary = TerminationSummary.failedBeforeDelivery("u", "n", "t", "first", Duration.ZERO);
        TerminationSummary big = new TerminationSummary(summary.status(), "u", "n", "t", 0, 0, 0, 0, 0, many, null, 0);

        assertThat(SummaryJson.toLine(big).getBytes(StandardCharsets.UTF_8).length).isLessThan(4096);
        assertThat(big.errors()).hasSize(TerminationSummary.MAX_ERRORS + 1).last().asString().contains("45 more");
    }

    @Test
    void theLineIsTheOneDatabindWroteFromTheRecord() throws Exception {
        List<TerminationSummary> summaries = List.of(
                TerminationSummary.of(run(report(false)), null),
                TerminationSummary.of(run(report(true)), "forced: --force \"quoted\" é"),
                TerminationSummary.skipped("u", "n", "files:/x", "already collected", Duration.ofMillis(3)),
                TerminationSummary.failedBeforeDelivery(null, null, null, "no sink", Duration.ZERO));
        for (TerminationSummary summary : summaries) {
            assertThat(SummaryJson.toLine(summary)).isEqualTo(JsonMapper.builder().build().writeValueAsString(summary));
        }
    }
}
