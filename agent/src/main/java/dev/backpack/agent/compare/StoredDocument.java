package dev.backpack.agent.compare;

import java.util.Map;

/**
 * A metadata document as a source reads it back (file line or search hit): only what comparing needs.
 * {@code value} is the parsed JSON value, usually an object.
 */
public record StoredDocument(String module, String sourceType, String nodeName, Object value) {

    @SuppressWarnings("unchecked")
    public static StoredDocument fromSource(Map<String, Object> source) {
        return new StoredDocument((String) source.get("module"), (String) source.get("source_type"),
                (String) source.get("node_name"), source.get("value"));
    }
}
