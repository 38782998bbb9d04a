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
import java.util.List;
import java.util.Map;

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
        assertThat(sink.describe()).isEqualTo("files:" + dir.resolve("run").toAbsolutePath());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedNamesTheFix() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        FileSink sink = new FileSink(file.resolve("sub"));
        assertThatThrownBy(() -> sink.deliver(List.of(), RawResultDocument.of("u", "n", null, "t", "v", Map.of())))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("--output");
    }

    private static MetadataDocument doc(MetadataModule module, Object value) {
        return MetadataDocument.of(module, "n", "test", value, "u", "n", "p", "2026-01-01T00:00:00Z", "v");
    }
}
