package dev.backpack.agent.compare;

import dev.backpack.contract.MetadataDocument;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metadata document as a source reads it back (file line or search hit): only what comparing needs.
 * {@code value} is the parsed JSON value, usually an object.
 */
public record StoredDocument(String module, String sourceType, String nodeName, Object value) {

    /** Reads a stored document, with the entries the search sink moved to {@code value_unindexed} back in its value. */
    @SuppressWarnings("unchecked")
    public static StoredDocument fromSource(Map<String, Object> source) {
        Object value = source.get("value");
        Object unindexed = source.get(MetadataDocument.VALUE_UNINDEXED);
        if (unindexed instanceof Map<?, ?> moved && (value == null || value instanceof Map<?, ?>)) {
            Map<Object, Object> whole = new LinkedHashMap<>(value == null ? Map.of() : (Map<Object, Object>) value);
            whole.putAll(moved);
            value = whole;
        } else if (unindexed != null && value == null) {
            value = unindexed;
        }
        return new StoredDocument((String) source.get("module"), (String) source.get("source_type"),
                (String) source.get("node_name"), value);
    }
}
