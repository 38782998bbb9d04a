package dev.backpack.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes fact values (trees of maps with string keys, collections, strings, numbers, booleans and
 * nulls) with Jackson's streaming generator, byte for byte as Jackson databind writes them, without
 * databind: a cold run writes every document twice (its id's canonical JSON, its file line), and
 * databind's serializer look-up and record introspection were about a fifth of such a run. Any other
 * value (a record, an enum, a map with non-string keys, a primitive array) is handed to databind,
 * configured as before, so its JSON does not change either; the collectors of a run on a node produce
 * none.
 */
public final class JsonTreeWriter {
    /** Map keys sorted at every level, as databind's ORDER_MAP_ENTRIES_BY_KEYS (a SortedMap keeps its order). */
    public static final JsonTreeWriter CANONICAL = new JsonTreeWriter(true);
    /** Maps in their own iteration order. */
    public static final JsonTreeWriter INSERTION_ORDER = new JsonTreeWriter(false);

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final boolean sortKeys;

    private JsonTreeWriter(boolean sortKeys) {
        this.sortKeys = sortKeys;
    }

    /** A generator writing into {@code out}; the caller closes it. */
    public static JsonGenerator generator(StringWriter out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
    }

    /** {@code value} as one line of JSON. */
    public String toJson(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    public void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Map<?, ?> map && hasOnlyStringKeys(map)) {
            writeMap(g, map);
        } else if (value instanceof Collection<?> items) {
            writeArray(g, items);
        } else if (value instanceof Object[] items) {
            writeArray(g, Arrays.asList(items));
        } else if (!writeScalar(g, value)) {
            Databind.write(g, value, sortKeys);
        }
    }

    private void writeArray(JsonGenerator g, Iterable<?> items) throws IOException {
        g.writeStartArray();
        for (Object item : items) {
            write(g, item);
        }
        g.writeEndArray();
    }

    private void writeMap(JsonGenerator g, Map<?, ?> map) throws IOException {
        Map<?, ?> ordered = sortKeys && !(map instanceof SortedMap<?, ?>) && map.size() > 1 ? new TreeMap<>(map) : map;
        g.writeStartObject();
        for (Map.Entry<?, ?> entry : ordered.entrySet()) {
            g.writeFieldName((String) entry.getKey());
            write(g, entry.getValue());
        }
        g.writeEndObject();
    }

    private static boolean writeScalar(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else if (value instanceof Short s) {
            g.writeNumber(s);
        } else if (value instanceof Byte b) {
            g.writeNumber(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else {
            return false;
        }
        return true;
    }

    // Databind writes a null key as an error and other keys through key serializers: leave those maps to it.
    private static boolean hasOnlyStringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** Loaded only when a value needs it: the mappers that wrote every document before this class. */
    private static final class Databind {
        static final ObjectMapper SORTED = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        static final ObjectMapper AS_DECLARED = JsonMapper.builder()
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();

        static void write(JsonGenerator g, Object value, boolean sortKeys) throws IOException {
            (sortKeys ? SORTED : AS_DECLARED).writeValue(g, value);
        }
    }
}
