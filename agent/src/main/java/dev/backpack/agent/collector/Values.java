package dev.backpack.agent.collector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds fact values: an insertion-ordered map that leaves out missing entries instead of writing
 * nulls or silent zeros, so a document never claims a value the machine did not report.
 */
public final class Values {
    private final Map<String, Object> map = new LinkedHashMap<>();

    public static Values create() {
        return new Values();
    }

    /** Adds the entry unless the value is null or an empty Optional-like blank string. */
    public Values put(String key, Object value) {
        if (value instanceof java.util.Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return this;
        }
        map.put(key, value);
        return this;
    }

    public Map<String, Object> toMap() {
        return map;
    }
}
