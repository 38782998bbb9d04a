package dev.backpack.e2e.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;
import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.SearchServers;
import dev.backpack.e2e.servers.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index template the search sink installs, on every server version: the common fields are keywords
 * (terms aggregations work), {@code timestamp} is a date (range queries work), and {@code value} is one
 * field however many distinct keys the documents carry.
 */
class IndexTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeliveryReport deliver(SearchServer server, List<MetadataDocument> documents, RawResultDocument raw) {
        try (SearchSink sink = new SearchSink(server.sinkConfig(1, Duration.ofSeconds(60)).withBulkSize(1000))) {
            return sink.deliver(documents, raw);
        }
    }

    /** What {@code value} is mapped as: the flat type of the server, or stored only where it has none. */
    private static String expectedValueMapping(SearchServers version) {
        return switch (version) {
            case OPENSEARCH_2, OPENSEARCH_3 -> "flat_object";
            case ELASTICSEARCH_8 -> "flattened";
            // The 7.17 integ-test zip has no flattened mapper module (the default distribution has it).
            case ELASTICSEARCH_7 -> "object, enabled: false";
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SearchServers.class)
    void mapsTheCommonFieldsAsKeywordsTimestampAsDateAndValueAsOneField(SearchServers version) {
        SearchServer server = version.server();
        String uuid = TestDocuments.newUuid();

        assertThat(deliver(server, TestDocuments.nodeDocuments(uuid, "mapped-node"),
                TestDocuments.raw(uuid, "mapped-node")).ok()).isTrue();

        JsonNode properties = properties(server, "cpuinfo-metadata");
        for (String keyword : List.of("uuid", "module", "host", "node_name", "pod_name", "source_type")) {
            assertThat(properties.path(keyword).path("type").asText()).as(keyword).isEqualTo("keyword");
        }
        assertThat(properties.path("timestamp").path("type").asText()).isEqualTo("date");
        JsonNode value = properties.path("value");
        String valueMapping = value.path("enabled").asBoolean(true) ? value.path("type").asText()
                : "object, enabled: false";
        assertThat(valueMapping).isEqualTo(expectedValueMapping(version));
        assertThat(value.has("properties")).as("no per-key fields under value").isFalse();
        JsonNode raw = properties(server, IndexNames.RAW);
        assertThat(raw.path("uuid").path("type").asText()).isEqualTo("keyword");
        assertThat(raw.path("facts").path("enabled").asBoolean(true)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SearchServers.class)
    void termsAggregationByUuidAndRangeQueryOnTimestampWork(SearchServers version) throws Exception {
        SearchServer server = version.server();
        String a = TestDocuments.newUuid();
        String b = TestDocuments.newUuid();
        List<MetadataDocument> docs = List.of(
                meminfo(a, "node-1", "2026-11-26T12:00:00Z"),
                meminfo(a, "node-2", "2026-11-27T12:00:00.250Z"),
                meminfo(b, "node-1", "2026-11-28T08:30:00Z"));
        assertThat(deliver(server, docs, null).ok()).isTrue();
        server.request("POST", "/meminfo-metadata/_refresh", null);
        String both = "{\"terms\":{\"uuid\":[\"" + a + "\",\"" + b + "\"]}}";

        JsonNode aggregated = JSON.readTree(server.request("POST", "/meminfo-metadata/_search", "{\"size\":0,"
                + "\"query\":" + both + ",\"aggs\":{\"runs\":{\"terms\":{\"field\":\"uuid\"}}}}").body());
        Map<String, Integer> buckets = new LinkedHashMap<>();
        aggregated.path("aggregations").path("runs").path("buckets")
                .forEach(bucket -> buckets.put(bucket.get("key").asText(), bucket.get("doc_count").asInt()));
        assertThat(buckets).as(aggregated.toString()).containsExactly(Map.entry(a, 2), Map.entry(b, 1));

        JsonNode ranged = JSON.readTree(server.request("POST", "/meminfo-metadata/_search", "{\"query\":{\"bool\":"
                + "{\"filter\":[" + both + ",{\"range\":{\"timestamp\":{\"gte\":\"2026-11-27T00:00:00Z\","
                + "\"lt\":\"2026-11-28T00:00:00Z\"}}}]}}}").body());
        assertThat(ranged.path("hits").path("hits")).as(ranged.toString()).hasSize(1);
        assertThat(ranged.path("hits").path("hits").get(0).path("_source").path("node_name").asText())
                .isEqualTo("node-2");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SearchServers.class)
    void thirteenHundredDistinctSysctlKeysAddNoFields(SearchServers version) {
        SearchServer server = version.server();
        String uuid = TestDocuments.newUuid();
        List<MetadataDocument> docs = new ArrayList<>();
        Map<String, Object> sysctl = new LinkedHashMap<>();
        for (int i = 0; i < 1300; i++) {
            String key = "net.backpack_probe.key" + i;
            sysctl.put(key, String.valueOf(i));
            // Keys as field names: with dynamic mapping, 1300 fields, past the 1000-field limit.
            docs.add(MetadataDocument.of(MetadataModule.SYSCTL, "sysctl-node", "sysctl", Map.of(key, String.valueOf(i)),
                    uuid, "sysctl-node", "pod", TestDocuments.TIMESTAMP, TestDocuments.VERSION));
        }
        RawResultDocument raw = RawResultDocument.of(uuid, "sysctl-node", "pod", TestDocuments.TIMESTAMP,
                TestDocuments.VERSION, Map.of("sysctl", sysctl));

        DeliveryReport report = deliver(server, docs, raw);

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.modules().get("sysctl").delivered()).isEqualTo(1300);
        for (String index : List.of("sysctl-metadata", IndexNames.RAW)) {
            String mapping = server.request("GET", "/" + index + "/_mapping", null).body();
            assertThat(mapping).as(index).contains("\"uuid\"").doesNotContain("backpack_probe");
            assertThat(fieldCount(properties(server, index))).as(index).isLessThan(20);
        }
    }

    /**
     * Lucene refuses terms over 32,766 bytes and OpenSearch's flat_object has no ignore_above: a leaf that
     * long (an install-config's CA bundle) made OpenSearch refuse the whole document. It is delivered,
     * returned whole in value_unindexed, and the rest of value stays searchable.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(SearchServers.class)
    void aLeafLongerThanALuceneTermIsDeliveredWhole(SearchServers version) throws Exception {
        SearchServer server = version.server();
        String uuid = TestDocuments.newUuid();
        String bundle = "-----BEGIN CERTIFICATE-----\n" + "MIIB".repeat(10_000) + "\n-----END CERTIFICATE-----\n";
        MetadataDocument doc = MetadataDocument.of(MetadataModule.OCP_INSTALL_CONFIG, "big-node", "install-config",
                Map.of("additionalTrustBundle", bundle, "baseDomain", "example.com"),
                uuid, "big-node", "pod", TestDocuments.TIMESTAMP, TestDocuments.VERSION);

        DeliveryReport report = deliver(server, List.of(doc), null);

        assertThat(report.ok()).as(report.toString()).isTrue();
        String index = MetadataModule.OCP_INSTALL_CONFIG.indexName();
        server.request("POST", "/" + index + "/_refresh", null);
        String query = "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"uuid\":\"" + uuid + "\"}}"
                + (version == SearchServers.ELASTICSEARCH_7 ? "" : ",{\"term\":{\"value.baseDomain\":\"example.com\"}}")
                + "]}}}";
        JsonNode hits = JSON.readTree(server.request("POST", "/" + index + "/_search", query).body())
                .path("hits").path("hits");
        assertThat(hits).as(query).hasSize(1);
        JsonNode source = hits.get(0).path("_source");
        assertThat(source.path("value_unindexed").path("additionalTrustBundle").asText()).isEqualTo(bundle);
        assertThat(source.path("value").path("baseDomain").asText()).isEqualTo("example.com");
        assertThat(properties(server, index).path("value_unindexed").path("enabled").asBoolean(true)).isFalse();
    }

    @Test
    void aTemplateThatExistsIsLeftAsItIs() throws Exception {
        SearchServer server = Servers.openSearch();
        String uuid = TestDocuments.newUuid();
        assertThat(deliver(server, TestDocuments.nodeDocuments(uuid, "first"), null).ok()).isTrue();
        JsonNode ours = JSON.readTree(server.request("GET", "/_index_template/backpack", null).body())
                .path("index_templates").get(0).path("index_template");
        ObjectNode someoneElses = ours.deepCopy();
        someoneElses.put("version", 42);
        assertThat(server.request("PUT", "/_index_template/backpack", someoneElses.toString()).statusCode())
                .isEqualTo(200);
        try {
            // Another address of the same server: this process has not installed anything there yet.
            SearchSinkConfig config = SearchSinkConfig.of(ServerAddress.parse("http://localhost:" + server.port(), null),
                    Optional.empty(), TlsSettings.verifyWithSystemTrust(), 1, Duration.ofSeconds(30));
            try (SearchSink sink = new SearchSink(config)) {
                assertThat(sink.deliver(TestDocuments.nodeDocuments(uuid, "second"), null).ok()).isTrue();
            }

            JsonNode after = JSON.readTree(server.request("GET", "/_index_template/backpack", null).body())
                    .path("index_templates").get(0).path("index_template");
            assertThat(after.path("version").asInt()).isEqualTo(42);
        } finally {
            server.request("PUT", "/_index_template/backpack", ours.toString());
        }
    }

    private static MetadataDocument meminfo(String uuid, String node, String timestamp) {
        return MetadataDocument.of(MetadataModule.MEMINFO, node, "/proc/meminfo", Map.of("MemTotal", 1024),
                uuid, node, node + "-pod", timestamp, TestDocuments.VERSION);
    }

    private static JsonNode properties(SearchServer server, String index) {
        try {
            JsonNode mapping = JSON.readTree(server.request("GET", "/" + index + "/_mapping", null).body());
            return mapping.path(index).path("mappings").path("properties");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Mapped fields, counted as the server's field limit counts them (objects and leaves). */
    private static int fieldCount(JsonNode properties) {
        int count = 0;
        for (JsonNode field : (Iterable<JsonNode>) properties::elements) {
            count += 1 + fieldCount(field.path("properties")) + fieldCount(field.path("fields"));
        }
        return count;
    }
}
