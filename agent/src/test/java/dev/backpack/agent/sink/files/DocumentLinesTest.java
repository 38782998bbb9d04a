package dev.backpack.agent.sink.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.FakeCommands;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.Fixtures;
import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.DocumentIds;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.ModuleScope;
import dev.backpack.contract.RawResultDocument;
import dev.backpack.contract.TagSelection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids and file lines, written with the streaming generator, byte for byte as databind wrote them (the
 * oracle, kept here only), for everything the collectors produce from every fixture host.
 */
class DocumentLinesTest {
    static final ObjectMapper DATABIND_CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    static final ObjectMapper DATABIND_LINES = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    @TempDir
    Path out;

    static Stream<String> fixtureHosts() throws IOException {
        try (Stream<Path> hosts = Files.list(Fixtures.HOSTS)) {
            return hosts.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtureHosts")
    void idsAndLinesAreTheOnesDatabindWrote(String host) throws Exception {
        Recording sink = new Recording(new FileSink(out));
        // Every module but the cluster ones (no cluster here) and OSHI's, which would read this machine.
        RunSettings settings = new RunSettings("uuid-" + host, "node-" + host, "pod-1", Fixtures.root(host),
                TagSelection.of(List.of("all"), List.of("hardware")), KubernetesAccess.none("no cluster"),
                new FakeCommands(Map.of()), "x86_64");
        RunSummary summary = new CollectionRunner(new CollectorCatalog(),
                Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC), "9.9.9").run(settings, sink);
        assertThat(summary.deliveryOk()).isTrue();
        assertThat(sink.documents).as("documents from %s", host).isNotEmpty();

        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (MetadataDocument d : sink.documents) {
            assertThat(d.id()).as("id of %s", DATABIND_LINES.writeValueAsString(d)).isEqualTo(databindId(d));
            expected.computeIfAbsent(d.index(), k -> new ArrayList<>()).add(withId(d.id(), DATABIND_LINES.writeValueAsString(d)));
        }
        RawResultDocument raw = sink.raw;
        assertThat(raw.id()).isEqualTo(DocumentIds.sha256(DATABIND_CANONICAL.writeValueAsString(
                Map.of("uuid", raw.uuid(), "node_name", raw.nodeName(), "facts", raw.facts()))));
        expected.put(IndexNames.RAW, List.of(withId(raw.id(), DATABIND_LINES.writeValueAsString(raw))));

        for (Map.Entry<String, List<String>> file : expected.entrySet()) {
            assertThat(Files.readAllLines(FileSink.fileFor(out, file.getKey())))
                    .as(file.getKey()).containsExactlyElementsOf(file.getValue());
        }
    }

    /** A line the way FileSink built it before: databind's source with {@code _id} spliced in first. */
    static String withId(String id, String sourceJson) {
        return sourceJson.length() > 2
                ? "{\"_id\":\"" + id + "\"," + sourceJson.substring(1)
                : "{\"_id\":\"" + id + "\"}";
    }

    static String databindId(MetadataDocument d) throws IOException {
        MetadataModule module = Arrays.stream(MetadataModule.values())
                .filter(m -> m.moduleName().equals(d.module())).findFirst().orElseThrow();
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("module", d.module());
        if (module.scope() == ModuleScope.NODE) {
            identity.put("host", d.host());
        }
        identity.put("source_type", d.sourceType());
        identity.put("value", d.value());
        identity.put("uuid", d.uuid());
        return DocumentIds.sha256(DATABIND_CANONICAL.writeValueAsString(identity));
    }

    @org.junit.jupiter.api.Test
    void aRunOwnsTheLinesDatabindWouldHaveSaidWereItsOwn() {
        FileSink.RunKey run = new FileSink.RunKey("u-1", "node-a");
        List<String> lines = List.of(
                "{\"_id\":\"1\",\"uuid\":\"u-1\",\"node_name\":\"node-a\",\"value\":{\"uuid\":\"x\"}}",
                "{\"uuid\":\"u-1\",\"node_name\":\"node-b\"}",
                "{\"uuid\":\"u-10\",\"node_name\":\"node-a\"}",
                "{\"value\":{\"uuid\":\"u-1\",\"node_name\":\"node-a\"}}",
                "{\"uuid\":\"other\",\"node_name\":\"node-a\",\"uuid\":\"u-1\"}",
                "{\"uuid\":\"u-1\",\"node_name\":\"node-a\",\"uuid\":\"other\"}",
                "{\"uuid\":\"u-1\",\"node_name\":null}",
                "{\"uuid\":\"u-1\"}",
                "{\"uuid\":\"u-1\",\"node_name\":\"node-a\"} trailing",
                "[\"u-1\"]",
                "{\"uuid\":\"u-1\",\"node_name\":\"node-a\"",
                "not json u-1");
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            boolean databind;
            try {
                JsonNode doc = json.readTree(line);
                databind = "u-1".equals(doc.path("uuid").asText(null)) && "node-a".equals(doc.path("node_name").asText(null));
            } catch (IOException e) {
                databind = false;
            }
            assertThat(run.owns(line)).as(line).isEqualTo(databind);
        }
        assertThat(lines.stream().filter(run::owns)).hasSize(3);
        assertThat(new FileSink.RunKey("u-1", null).owns("{\"uuid\":\"u-1\",\"node_name\":null}")).isTrue();
    }

    /** Keeps what it delivers to the real file sink, to hold the files to what databind makes of the same documents. */
    static final class Recording implements DocumentSink {
        final DocumentSink files;
        List<MetadataDocument> documents;
        RawResultDocument raw;

        Recording(DocumentSink files) {
            this.files = files;
        }

        @Override
        public DeliveryReport deliver(List<MetadataDocument> docs, RawResultDocument rawResult) {
            documents = docs;
            raw = rawResult;
            return files.deliver(docs, rawResult);
        }

        @Override
        public String describe() {
            return files.describe();
        }
    }
}
