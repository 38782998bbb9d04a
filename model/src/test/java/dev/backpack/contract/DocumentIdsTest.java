package dev.backpack.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentIdsTest {

    @Test
    void nodeFactsFromTwoHostsAreTwoDocuments() {
        String a = DocumentIds.compute(MetadataModule.CPUINFO, "node-a", "cpuinfo", Map.of("model", "x"), "u1");
        String b = DocumentIds.compute(MetadataModule.CPUINFO, "node-b", "cpuinfo", Map.of("model", "x"), "u1");
        assertThat(a).isNotEqualTo(b).hasSize(64);
    }

    @Test
    void clusterFactsFromTwoHostsAreOneDocument() {
        String a = DocumentIds.compute(MetadataModule.K8S_NODES, "node-a", "node", Map.of("name", "n1"), "u1");
        String b = DocumentIds.compute(MetadataModule.K8S_NODES, "node-b", "node", Map.of("name", "n1"), "u1");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void uuidIsPartOfTheId() {
        assertThat(DocumentIds.compute(MetadataModule.SYSCTL, "n", "sysctl", "1", "u1"))
                .isNotEqualTo(DocumentIds.compute(MetadataModule.SYSCTL, "n", "sysctl", "1", "u2"));
    }

    @Test
    void mapOrderDoesNotChangeTheId() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);
        assertThat(DocumentIds.compute(MetadataModule.MEMINFO, "n", "meminfo", ab, "u"))
                .isEqualTo(DocumentIds.compute(MetadataModule.MEMINFO, "n", "meminfo", ba, "u"));
    }

    @Test
    void documentCarriesIdComputedBeforeStamping() {
        MetadataDocument d1 = MetadataDocument.of(MetadataModule.MEMINFO, "n", "meminfo", Map.of("k", 1), "u", "n", "pod-1",
                "2026-11-26T00:00:00Z", "0.1.0");
        MetadataDocument d2 = MetadataDocument.of(MetadataModule.MEMINFO, "n", "meminfo", Map.of("k", 1), "u", "n", "pod-2",
                "2026-11-27T00:00:00Z", "0.1.0");
        assertThat(d1.id()).isEqualTo(d2.id());
        assertThat(d1.index()).isEqualTo("meminfo-metadata");
    }

    /** Issue 11: the raw document lacked host; every document the agent writes has the same envelope. */
    @Test
    void theRawDocumentHasTheEnvelopeOfEveryDocument() {
        ObjectMapper json = new ObjectMapper();
        MetadataDocument doc = MetadataDocument.of(MetadataModule.MEMINFO, "worker-0", "meminfo", Map.of("k", 1), "u",
                "worker-0", "pod-1", "2026-11-26T00:00:00Z", "0.1.0");
        RawResultDocument raw = RawResultDocument.of("u", "worker-0", "pod-1", "2026-11-26T00:00:00Z", "0.1.0",
                Map.of("meminfo", Map.of("values", List.of())));
        JsonNode docJson = json.valueToTree(doc);
        JsonNode rawJson = json.valueToTree(raw);
        for (String envelope : List.of("host", "uuid", "node_name", "pod_name", "timestamp", "backpack_version")) {
            assertThat(rawJson.path(envelope).asText()).as(envelope).isNotEmpty().isEqualTo(docJson.path(envelope).asText());
        }
        assertThat(rawJson.fieldNames().next()).isEqualTo("host");
    }

    /** host is the node name, so the raw id keeps its scheme: an upgraded agent re-running a node finds its document. */
    @Test
    void theRawIdIsStillUuidNodeAndFacts() {
        Map<String, Object> facts = Map.of("meminfo", Map.of("values", List.of(1)));
        RawResultDocument raw = RawResultDocument.of("u", "worker-0", "pod-1", "t", "v", facts);
        assertThat(raw.host()).isEqualTo("worker-0");
        assertThat(raw.id()).isEqualTo(DocumentIds.sha256(DocumentIds.canonicalJson(Map.of("uuid", "u",
                "node_name", "worker-0", "facts", facts))));
    }

    @Test
    void indexAndRedisNamesFollowUpstream() {
        assertThat(IndexNames.forModule("cpuinfo")).isEqualTo("cpuinfo-metadata");
        assertThat(IndexNames.RAW).isEqualTo("stockpile-results-raw");
        assertThat(RedisKeys.claimKey("1234", "worker-0")).isEqualTo("1234-worker-0");
    }
}
