package dev.backpack.e2e.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.e2e.servers.SearchServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SearchSink} must do against any supported server; one runner per server version
 * ({@link OpenSearchSinkTest}, {@link OpenSearch3SinkTest}, {@link ElasticsearchSinkTest},
 * {@link Elasticsearch8SinkTest}).
 */
abstract class SearchSinkScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract SearchServer server();

    private SearchSink sink() {
        return new SearchSink(server().sinkConfig(3, Duration.ofSeconds(60)));
    }

    @Test
    void indexesModuleDocumentsIntoTheirIndexesAndTheRawResult() throws Exception {
        String uuid = TestDocuments.newUuid();
        List<MetadataDocument> docs = TestDocuments.nodeDocuments(uuid, "worker-0");

        DeliveryReport report;
        try (SearchSink sink = sink()) {
            report = sink.deliver(docs, TestDocuments.raw(uuid, "worker-0"));
        }

        assertThat(report.ok()).isTrue();
        assertThat(report.rawDelivered()).isTrue();
        assertThat(report.modules().get("cpuinfo").delivered()).isEqualTo(2);
        assertThat(report.modules().get("meminfo").delivered()).isEqualTo(1);
        assertThat(countFor("cpuinfo-metadata", uuid)).isEqualTo(2);
        assertThat(countFor(IndexNames.RAW, uuid)).isEqualTo(1);

        JsonNode stored = JSON.readTree(server().request("GET", "/meminfo-metadata/_doc/" + docs.get(2).id(), null)
                .body()).get("_source");
        assertThat(stored.get("module").asText()).isEqualTo("meminfo");
        assertThat(stored.get("node_name").asText()).isEqualTo("worker-0");
        assertThat(stored.get("value").get("MemTotal").asLong()).isEqualTo(16384000L);
        assertThat(stored.has("id")).as("the id is the _id, not part of the source").isFalse();
    }

    @Test
    void rerunMakesNoDuplicatesAndCountsAlreadyPresent() throws Exception {
        String uuid = TestDocuments.newUuid();
        List<MetadataDocument> docs = TestDocuments.nodeDocuments(uuid, "worker-1");
        DeliveryReport second;
        try (SearchSink sink = sink()) {
            sink.deliver(docs, TestDocuments.raw(uuid, "worker-1"));
            second = sink.deliver(docs, TestDocuments.raw(uuid, "worker-1"));
        }

        assertThat(second.ok()).isTrue();
        assertThat(second.rawDelivered()).isTrue();
        assertThat(second.modules().get("cpuinfo").delivered()).isZero();
        assertThat(second.modules().get("cpuinfo").alreadyPresent()).isEqualTo(2);
        assertThat(second.modules().get("meminfo").alreadyPresent()).isEqualTo(1);
        assertThat(countFor("cpuinfo-metadata", uuid)).isEqualTo(2);
        assertThat(countFor(IndexNames.RAW, uuid)).isEqualTo(1);
    }

    @Test
    void tenNodesReportingOneClusterFactMakeOneDocument() throws Exception {
        String uuid = TestDocuments.newUuid();
        int delivered = 0;
        int alreadyPresent = 0;
        try (SearchSink sink = sink()) {
            for (int n = 0; n < 10; n++) {
                DeliveryReport report = sink.deliver(List.of(TestDocuments.clusterFact(uuid, "node-" + n)), null);
                assertThat(report.ok()).isTrue();
                delivered += report.modules().get("k8s_cluster_info").delivered();
                alreadyPresent += report.modules().get("k8s_cluster_info").alreadyPresent();
            }
        }
        assertThat(delivered).isEqualTo(1);
        assertThat(alreadyPresent).isEqualTo(9);
        assertThat(countFor("k8s_cluster_info-metadata", uuid)).isEqualTo(1);
    }

    @Test
    void reportsEachDocumentTheServerRefusesByModule() {
        String uuid = TestDocuments.newUuid();
        // timestamp is a date (index template): a document whose timestamp is no date must be refused.
        List<MetadataDocument> docs = new ArrayList<>();
        docs.add(MetadataDocument.of(MetadataModule.PACKAGES, "worker-2", "rpm",
                Map.of("name", "kernel"), uuid, "worker-2", "pod", "yesterday at noon", "t"));
        docs.add(MetadataDocument.of(MetadataModule.PACKAGES, "worker-2", "rpm",
                Map.of("name", "bash"), uuid, "worker-2", "pod", TestDocuments.TIMESTAMP, "t"));

        DeliveryReport report;
        try (SearchSink sink = sink()) {
            report = sink.deliver(docs, null);
        }

        assertThat(report.ok()).isFalse();
        DeliveryReport.ModuleDelivery packages = report.modules().get("packages");
        assertThat(packages.delivered()).isEqualTo(1);
        assertThat(packages.failed()).hasSize(1);
        assertThat(packages.failed().get(0).id()).isEqualTo(docs.get(0).id());
        // Elasticsearch 8 calls it document_parsing_exception, the others mapper_parsing_exception.
        assertThat(packages.failed().get(0).reason()).contains("HTTP 400").containsPattern("(mapper|document)_parsing");
    }

    @Test
    void findsTheRawResultOfAUuidAndNode() {
        String uuid = TestDocuments.newUuid();
        try (SearchSink sink = sink()) {
            assertThat(sink.hasDocuments(uuid, "worker-3")).isFalse();
            sink.deliver(TestDocuments.nodeDocuments(uuid, "worker-3"), TestDocuments.raw(uuid, "worker-3"));
            // No explicit refresh: the check must see a document indexed a moment ago.
            assertThat(sink.hasDocuments(uuid, "worker-3")).isTrue();
            assertThat(sink.hasDocuments(uuid, "worker-3-1")).isFalse();
            assertThat(sink.hasDocuments(TestDocuments.newUuid(), "worker-3")).isFalse();
        }
    }

    private long countFor(String index, String uuid) throws Exception {
        server().request("POST", "/" + index + "/_refresh", null);
        String query = "{\"query\":{\"term\":{\"uuid\":\"" + uuid + "\"}}}";
        return JSON.readTree(server().request("POST", "/" + index + "/_count", query).body()).get("count").asLong();
    }
}
