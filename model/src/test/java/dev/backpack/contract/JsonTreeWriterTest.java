package dev.backpack.contract;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming writer against databind configured as the ids and the file lines used it (the oracle). */
class JsonTreeWriterTest {
    static final ObjectMapper DATABIND_CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    static final ObjectMapper DATABIND_AS_IS = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    record Cache(String level, Map<String, Object> sizes, List<Integer> cpus) {
    }

    static Map<String, Object> awkwardTree() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", null);
        nested.put("Beta", List.of("x", "y"));
        nested.put("émoji ✓ \uD83D\uDE00", "tab\there \"quoted\" back\\slash \u0001 line\nbreak </script>");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("numbers", Arrays.asList(0, -1, Long.MAX_VALUE, 1.0, 0.1, -0.0, 1e20, 1.5e-7, Double.NaN,
                Double.POSITIVE_INFINITY, 2.5f, (short) 7, (byte) -3, new BigDecimal("1.2300E+5"),
                new BigInteger("123456789012345678901234567890"), true, false, null));
        tree.put("nested", nested);
        tree.put("empty_map", Map.of());
        tree.put("empty_list", List.of());
        tree.put("set", new LinkedHashSet<>(List.of("b", "a")));
        tree.put("array", new Object[]{"s", 1, null, Map.of("k", "v")});
        tree.put("strings", new String[]{"b", "a"});
        Map<String, Object> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.put("a", 1);
        reversed.put("c", Map.of("y", 1, "x", 2));
        reversed.put("b", 2);
        tree.put("sorted_map_in_its_own_order", reversed);
        Map<String, Object> hashed = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            hashed.put("key-" + i, i);
        }
        tree.put("hash_map", hashed);
        // Not a JSON tree: handed to databind, which must still write it as before.
        tree.put("record", new Cache("L2", Map.of("b", 2, "a", 1), List.of(0, 1)));
        tree.put("enum", TimeUnit.SECONDS);
        tree.put("integer_keys", new LinkedHashMap<>(Map.of(2, "two", 1, "one")));
        tree.put("bytes", new byte[]{1, 2, 3});
        tree.put("ints", new int[]{3, 1});
        tree.put("list_of_records", new ArrayList<>(List.of(new Cache("L1", Map.of(), List.of()))));
        return tree;
    }

    @Test
    void canonicalJsonIsDatabindsWithKeysSortedAtEveryLevel() throws Exception {
        Map<String, Object> tree = awkwardTree();
        assertThat(JsonTreeWriter.CANONICAL.toJson(tree)).isEqualTo(DATABIND_CANONICAL.writeValueAsString(tree))
                .startsWith("{\"array\":");
    }

    @Test
    void insertionOrderJsonIsDatabindsInTheMapsOwnOrder() throws Exception {
        Map<String, Object> tree = awkwardTree();
        assertThat(JsonTreeWriter.INSERTION_ORDER.toJson(tree)).isEqualTo(DATABIND_AS_IS.writeValueAsString(tree))
                .startsWith("{\"numbers\":");
    }

    @Test
    void scalarsAtTheTopAreWrittenAlone() throws Exception {
        for (Object value : Arrays.asList("1", 42, 1.25, null, true, List.of(Map.of("b", 1, "a", 2)))) {
            assertThat(JsonTreeWriter.CANONICAL.toJson(value)).isEqualTo(DATABIND_CANONICAL.writeValueAsString(value));
            assertThat(JsonTreeWriter.INSERTION_ORDER.toJson(value)).isEqualTo(DATABIND_AS_IS.writeValueAsString(value));
        }
    }
}
