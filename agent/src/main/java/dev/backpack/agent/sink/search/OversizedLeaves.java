package dev.backpack.agent.sink.search;

import dev.backpack.contract.MetadataDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lucene refuses any term over 32,766 bytes, and OpenSearch's {@code flat_object} indexes every leaf of
 * {@code value} as a term with no {@code ignore_above} to skip long ones, so a single long leaf (an
 * install-config's CA bundle) made the server refuse the whole document. Such entries travel in
 * {@value #FIELD} instead, which the index template maps as stored only: kept in {@code _source} and
 * returned, never indexed. The same on every server, so readers meet one shape; {@code _id} is the
 * document's own, computed before.
 */
final class OversizedLeaves {
    /** At most 4 bytes a character in UTF-8: 32,764 bytes. Elasticsearch's flattened uses the same limit. */
    static final int MAX_INDEXED_CHARS = 8191;
    static final String FIELD = MetadataDocument.VALUE_UNINDEXED;

    private OversizedLeaves() {
    }

    /**
     * The document itself when every leaf of its value can be indexed (almost always); else its fields
     * with each top-level entry of {@code value} that holds a long string moved, whole, to {@value #FIELD}.
     */
    static Object sendable(MetadataDocument doc) {
        Object value = doc.value();
        if (!holdsLongString(value)) {
            return doc;
        }
        Object indexed = null;
        Object unindexed = value;
        if (value instanceof Map<?, ?> entries) {
            Map<Object, Object> kept = new LinkedHashMap<>();
            Map<Object, Object> moved = new LinkedHashMap<>();
            entries.forEach((key, entry) -> (holdsLongString(entry) ? moved : kept).put(key, entry));
            indexed = kept;
            unindexed = moved;
        }
        // Field order as MetadataDocument's own JSON (nulls left out as there), the moved part after value.
        Map<String, Object> fields = new LinkedHashMap<>();
        putPresent(fields, "module", doc.module());
        putPresent(fields, "host", doc.host());
        putPresent(fields, "source_type", doc.sourceType());
        putPresent(fields, "value", indexed);
        fields.put(FIELD, unindexed);
        putPresent(fields, "uuid", doc.uuid());
        putPresent(fields, "node_name", doc.nodeName());
        putPresent(fields, "pod_name", doc.podName());
        putPresent(fields, "timestamp", doc.timestamp());
        putPresent(fields, "backpack_version", doc.backpackVersion());
        return fields;
    }

    private static void putPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    static boolean holdsLongString(Object value) {
        if (value instanceof String s) {
            return s.length() > MAX_INDEXED_CHARS;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object entry : map.values()) {
                if (holdsLongString(entry)) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object entry : list) {
                if (holdsLongString(entry)) {
                    return true;
                }
            }
        }
        return false;
    }
}
