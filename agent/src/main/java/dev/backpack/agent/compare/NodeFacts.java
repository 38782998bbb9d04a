package dev.backpack.agent.compare;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one source knows about one node, as facts: module → item → path → value. An item is one
 * document's subject (a sysctl key, a NIC, a disk, a PCI slot; empty for one-document modules such as
 * cpuinfo), the path a field inside it ({@code driver}, {@code partitions[nvme0n1p1].size_bytes}).
 */
public final class NodeFacts {
    private final String node;
    private final SortedMap<String, SortedMap<String, SortedMap<String, FactValue>>> modules = new TreeMap<>();

    public NodeFacts(String node) {
        this.node = node;
    }

    public String node() {
        return node;
    }

    /** The name a fact is shown and matched by: {@code <item>.<path>}, or either alone when the other is empty. */
    public static String factName(String item, String path) {
        if (item.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? item : item + "." + path;
    }

    public void put(String module, String item, String path, FactValue value) {
        modules.computeIfAbsent(module, m -> new TreeMap<>()).computeIfAbsent(item, i -> new TreeMap<>())
                .put(path, value);
    }

    /** Makes the module known even when none of its documents holds a fact (so it is "present but empty"). */
    public void touch(String module) {
        modules.computeIfAbsent(module, m -> new TreeMap<>());
    }

    public boolean hasItem(String module, String item) {
        return modules.getOrDefault(module, Collections.emptySortedMap()).containsKey(item);
    }

    public SortedMap<String, SortedMap<String, SortedMap<String, FactValue>>> modules() {
        return Collections.unmodifiableSortedMap(modules);
    }

    public SortedMap<String, SortedMap<String, FactValue>> items(String module) {
        return Collections.unmodifiableSortedMap(modules.getOrDefault(module, Collections.emptySortedMap()));
    }

    public Optional<FactValue> get(String module, String item, String path) {
        return Optional.ofNullable(items(module).getOrDefault(item, Collections.emptySortedMap()).get(path));
    }

    public Optional<String> text(String module, String item, String path) {
        return get(module, item, path).map(FactValue::text);
    }

    public boolean isEmpty() {
        return modules.isEmpty();
    }

    public int factCount() {
        return modules.values().stream().flatMap(m -> m.values().stream()).mapToInt(Map::size).sum();
    }
}
