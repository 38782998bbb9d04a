package dev.backpack.agent.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns documents into {@link NodeFacts}: nested objects become dotted paths, lists of scalars become
 * sets, lists of objects are keyed by their identity field ({@code partitions[nvme0n1p1]}) so that a
 * reordering is not a difference. The envelope (uuid, pod, timestamp, version) is never a fact.
 */
public final class DocumentFlattener {
    private final Map<String, Integer> seenItems = new HashMap<>();

    /** Adds one document's facts to {@code facts}. Use one flattener per node. */
    public void add(StoredDocument document, NodeFacts facts) {
        String module = document.module();
        if (module == null) {
            return;
        }
        facts.touch(module);
        if (!(document.value() instanceof Map<?, ?> value)) {
            put(facts, module, uniqueItem(module, document.sourceType() == null ? "" : document.sourceType()), "",
                    document.value());
            return;
        }
        ItemIdentity.Identified identified = ItemIdentity.ofDocument(value);
        String item = uniqueItem(module, identified.item());
        if (identified.rest() instanceof Map<?, ?> rest) {
            flattenMap(facts, module, item, "", rest);
        } else {
            put(facts, module, item, "", identified.rest());
        }
    }

    private String uniqueItem(String module, String item) {
        int seen = seenItems.merge(module + '\u0000' + item, 1, Integer::sum);
        return seen == 1 ? item : item + "#" + seen;
    }

    private static void flattenMap(NodeFacts facts, String module, String item, String prefix, Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            put(facts, module, item, join(prefix, String.valueOf(e.getKey())), e.getValue());
        }
    }

    private static void put(NodeFacts facts, String module, String item, String path, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            flattenMap(facts, module, item, path, map);
        } else if (value instanceof List<?> list) {
            if (list.stream().noneMatch(v -> v instanceof Map || v instanceof List)) {
                facts.put(module, item, path, FactValue.members(list));
                return;
            }
            Map<String, Integer> seen = new HashMap<>();
            List<Object> elements = new ArrayList<>(list);
            for (int i = 0; i < elements.size(); i++) {
                Object element = elements.get(i);
                String key = String.valueOf(i);
                Object rest = element;
                if (element instanceof Map<?, ?> m) {
                    ItemIdentity.Identified identified = ItemIdentity.ofElement(m);
                    if (identified.item() != null) {
                        key = identified.item();
                        rest = identified.rest();
                    }
                }
                int n = seen.merge(key, 1, Integer::sum);
                put(facts, module, item, path + "[" + (n == 1 ? key : key + "#" + n) + "]", rest);
            }
        } else {
            facts.put(module, item, path, FactValue.scalar(value));
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
