package dev.backpack.agent.sink.search;

import dev.backpack.agent.compare.StoredDocument;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OversizedLeavesTest {
    private static final String LONG = "x".repeat(OversizedLeaves.MAX_INDEXED_CHARS + 1);
    private static final String LONGEST_INDEXED = "y".repeat(OversizedLeaves.MAX_INDEXED_CHARS);

    private static MetadataDocument doc(Object value) {
        return MetadataDocument.of(MetadataModule.OCP_INSTALL_CONFIG, "node-a", "install-config", value,
                "uuid-1", "node-a", null, "2026-12-03T12:00:00Z", "1.0");
    }

    @Test
    void aDocumentWhoseLeavesCanAllBeIndexedIsSentAsItIs() {
        MetadataDocument doc = doc(Map.of("baseDomain", "example.com", "bundle", LONGEST_INDEXED,
                "list", List.of("a", Map.of("b", LONGEST_INDEXED))));
        assertThat(OversizedLeaves.sendable(doc)).isSameAs(doc);
    }

    @Test
    @SuppressWarnings("unchecked")
    void entriesHoldingALongStringAnywhereMoveWholeToTheStoredOnlyField() {
        Map<String, Object> nested = Map.of("certs", List.of("short", LONG));
        MetadataDocument doc = doc(Map.of("baseDomain", "example.com", "additionalTrustBundle", LONG,
                "proxy", nested));

        Map<String, Object> sent = (Map<String, Object>) OversizedLeaves.sendable(doc);

        assertThat(sent).containsOnlyKeys("module", "host", "source_type", "value", "value_unindexed", "uuid",
                "node_name", "timestamp", "backpack_version"); // pod_name null: left out, as in the document's JSON
        assertThat(List.copyOf(sent.keySet())).containsSubsequence("source_type", "value", "value_unindexed", "uuid");
        assertThat(sent.get("value")).isEqualTo(Map.of("baseDomain", "example.com"));
        assertThat(sent.get("value_unindexed")).isEqualTo(Map.of("additionalTrustBundle", LONG, "proxy", nested));
        assertThat(sent).containsEntry("module", "ocp_install_config").containsEntry("uuid", "uuid-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValueThatIsItselfALongStringMovesWhole() {
        Map<String, Object> sent = (Map<String, Object>) OversizedLeaves.sendable(doc(LONG));
        assertThat(sent).doesNotContainKey("value").containsEntry("value_unindexed", LONG);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readersPutTheMovedEntriesBackSoTheValueIsTheCollectedOne() {
        Map<String, Object> collected = Map.of("baseDomain", "example.com", "additionalTrustBundle", LONG);
        StoredDocument read = StoredDocument.fromSource((Map<String, Object>) OversizedLeaves.sendable(doc(collected)));
        assertThat(read.value()).isEqualTo(collected);
        assertThat(StoredDocument.fromSource((Map<String, Object>) OversizedLeaves.sendable(doc(LONG))).value())
                .isEqualTo(LONG);
    }
}
