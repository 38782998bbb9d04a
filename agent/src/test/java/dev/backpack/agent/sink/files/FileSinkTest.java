package dev.backpack.agent.sink.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSinkTest {
    @TempDir
    Path dir;

    @Test
    void oneNdjsonFilePerModuleAndTheRawResult() throws IOException {
        List<MetadataDocument> docs = List.of(
                doc(MetadataModule.SYSCTL, Map.of("key", "a", "value", "1")),
                doc(MetadataModule.SYSCTL, Map.of("key", "b", "value", "2")),
                doc(MetadataModule.CPUINFO, Map.of("cpus", 2)));
        RawResultDocument raw = RawResultDocument.of("u", "n", "p", "t", "v", Map.of("sysctl", Map.of()));
        FileSink sink = new FileSink(dir.resolve("run"));

        DeliveryReport report = sink.deliver(docs, raw);

        assertThat(report.ok()).isTrue();
        assertThat(report.modules().get("sysctl").delivered()).isEqualTo(2);
        List<String> sysctl = Files.readAllLines(dir.resolve("run/sysctl-metadata.ndjson"));
        assertThat(sysctl).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(sysctl.get(0));
        assertThat(first.fieldNames().next()).isEqualTo("_id");
        assertThat(first.get("_id").asText()).isEqualTo(docs.get(0).id());
        assertThat(first.get("module").asText()).isEqualTo("sysctl");
        assertThat(first.at("/value/key").asText()).isEqualTo("a");
        assertThat(Files.readAllLines(dir.resolve("run/cpuinfo-metadata.ndjson"))).hasSize(1);
        JsonNode rawLine = new ObjectMapper().readTree(Files.readString(dir.resolve("run/stockpile-results-raw.ndjson")));
        assertThat(rawLine.get("_id").asText()).isEqualTo(raw.id());
        assertThat(rawLine.get("host").asText()).as("the raw document has the envelope's host").isEqualTo("n");
        assertThat(sink.describe()).isEqualTo("files:" + dir.resolve("run").toAbsolutePath());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedNamesTheFix() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        FileSink sink = new FileSink(file.resolve("sub"));
        assertThatThrownBy(() -> sink.deliver(List.of(), RawResultDocument.of("u", "n", null, "t", "v", Map.of())))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("--output");
    }

    /** Issue 16: four agents with the same --output and different uuids must neither mix nor lose lines. */
    @Test
    void concurrentRunsIntoOneFolderKeepEveryLineWhole() throws Exception {
        int runs = 4;
        int perRun = 400;
        Path shared = dir.resolve("shared");
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DeliveryReport>> reports = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            String uuid = "uuid-" + r;
            reports.add(pool.submit(() -> {
                List<MetadataDocument> docs = new ArrayList<>();
                for (int i = 0; i < perRun; i++) {
                    docs.add(MetadataDocument.of(MetadataModule.SYSCTL, "n", "test", Map.of("key", "k" + i, "value",
                            "v".repeat(200)), uuid, "n", "p", "t", "v"));
                }
                start.await();
                return new FileSink(shared).deliver(docs, RawResultDocument.of(uuid, "n", "p", "t", "v", Map.of()));
            }));
        }
        start.countDown();
        for (Future<DeliveryReport> report : reports) {
            assertThat(report.get(60, TimeUnit.SECONDS).ok()).isTrue();
        }
        pool.shutdown();

        ObjectMapper json = new ObjectMapper();
        Map<String, Long> byUuid = new TreeMap<>();
        for (String line : Files.readAllLines(shared.resolve("sysctl-metadata.ndjson"))) {
            byUuid.merge(json.readTree(line).get("uuid").asText(), 1L, Long::sum); // throws on a torn line
        }
        assertThat(byUuid).containsOnlyKeys("uuid-0", "uuid-1", "uuid-2", "uuid-3").allSatisfy((uuid, count) ->
                assertThat(count).as(uuid).isEqualTo(perRun));
        assertThat(Files.readAllLines(shared.resolve("stockpile-results-raw.ndjson"))).hasSize(runs);
        try (var files = Files.list(shared)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary files left")
                    .allMatch(name -> name.endsWith(".ndjson") || name.equals(".backpack.lock"));
        }
    }

    @Test
    void aRerunOfTheSameUuidAndNodeReplacesItsLinesAndKeepsOthers() throws IOException {
        Path shared = dir.resolve("shared");
        new FileSink(shared).deliver(List.of(doc(MetadataModule.CPUINFO, Map.of("cpus", 2))),
                RawResultDocument.of("u", "n", "p", "t", "v", Map.of()));
        new FileSink(shared).deliver(List.of(MetadataDocument.of(MetadataModule.CPUINFO, "other", "test",
                Map.of("cpus", 2), "u", "other", "p", "t", "v")), RawResultDocument.of("u", "other", "p", "t", "v", Map.of()));
        new FileSink(shared).deliver(List.of(doc(MetadataModule.CPUINFO, Map.of("cpus", 4))),
                RawResultDocument.of("u", "n", "p", "t", "v", Map.of()));

        List<String> lines = Files.readAllLines(shared.resolve("cpuinfo-metadata.ndjson"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"node_name\":\"other\"");
        assertThat(lines.get(1)).contains("\"cpus\":4", "\"node_name\":\"n\"");
        assertThat(Files.readAllLines(shared.resolve("stockpile-results-raw.ndjson"))).hasSize(2);
    }

    private static MetadataDocument doc(MetadataModule module, Object value) {
        return MetadataDocument.of(module, "n", "test", value, "u", "n", "p", "2026-01-01T00:00:00Z", "v");
    }
}
