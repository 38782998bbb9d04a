package dev.backpack.agent.compare;

import dev.backpack.contract.VolatileFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/** Compares the facts of one node in two runs. Pure: no I/O, so it is tested on hand-made facts. */
public final class Differ {
    private final DiffOptions options;

    public Differ(DiffOptions options) {
        this.options = options;
    }

    public NodeDiff compare(NodeFacts a, NodeFacts b) {
        List<Change> changes = new ArrayList<>();
        int[] volatileIgnored = {0};
        TreeSet<String> modules = new TreeSet<>(a.modules().keySet());
        modules.addAll(b.modules().keySet());
        for (String module : modules) {
            if (!options.includes(module)) {
                continue;
            }
            boolean inA = a.modules().containsKey(module);
            boolean inB = b.modules().containsKey(module);
            if (!inB) {
                changes.add(Change.of(module, "", Change.Kind.MODULE_REMOVED, facts(a.items(module)), null));
            } else if (!inA) {
                changes.add(Change.of(module, "", Change.Kind.MODULE_ADDED, null, facts(b.items(module))));
            } else {
                compareModule(module, a.items(module), b.items(module), changes, volatileIgnored);
            }
        }
        return new NodeDiff(a.node(), b.node(), changes, volatileIgnored[0]);
    }

    private void compareModule(String module, SortedMap<String, SortedMap<String, FactValue>> a,
                               SortedMap<String, SortedMap<String, FactValue>> b, List<Change> changes,
                               int[] volatileIgnored) {
        TreeSet<String> items = new TreeSet<>(a.keySet());
        items.addAll(b.keySet());
        for (String item : items) {
            SortedMap<String, FactValue> inA = a.get(item);
            SortedMap<String, FactValue> inB = b.get(item);
            if (inA == null || inB == null) {
                // A whole NIC, disk or sysctl key appeared or went away: one change, not one per field.
                if (skipVolatile(module, item, volatileIgnored)) {
                    continue;
                }
                SortedMap<String, FactValue> present = inA == null ? inB : inA;
                String value = present.size() == 1 && present.containsKey("")
                        ? present.get("").text() : present.size() + " facts";
                changes.add(inA == null ? Change.of(module, item, Change.Kind.ADDED, null, value)
                        : Change.of(module, item, Change.Kind.REMOVED, value, null));
                continue;
            }
            compareItem(module, item, inA, inB, changes, volatileIgnored);
        }
    }

    private void compareItem(String module, String item, SortedMap<String, FactValue> a, SortedMap<String, FactValue> b,
                             List<Change> changes, int[] volatileIgnored) {
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            FactValue before = a.get(path);
            FactValue after = b.get(path);
            if (before != null && before.equals(after)) {
                continue;
            }
            String fact = NodeFacts.factName(item, path);
            if (skipVolatile(module, fact, volatileIgnored)) {
                continue;
            }
            if (before == null) {
                changes.add(Change.of(module, fact, Change.Kind.ADDED, null, after.text()));
            } else if (after == null) {
                changes.add(Change.of(module, fact, Change.Kind.REMOVED, before.text(), null));
            } else if (before instanceof FactValue.Members ma && after instanceof FactValue.Members mb) {
                TreeSet<String> added = new TreeSet<>(mb.members());
                added.removeAll(ma.members());
                TreeSet<String> removed = new TreeSet<>(ma.members());
                removed.removeAll(mb.members());
                changes.add(new Change(module, fact, Change.Kind.CHANGED, before.text(), after.text(),
                        List.copyOf(added), List.copyOf(removed)));
            } else {
                changes.add(Change.of(module, fact, Change.Kind.CHANGED, before.text(), after.text()));
            }
        }
    }

    private boolean skipVolatile(String module, String fact, int[] volatileIgnored) {
        if (!options.includeVolatile() && VolatileFacts.isVolatile(module, fact)) {
            volatileIgnored[0]++;
            return true;
        }
        return false;
    }

    private static String facts(Map<String, SortedMap<String, FactValue>> items) {
        int count = items.values().stream().mapToInt(Map::size).sum();
        return count + (count == 1 ? " fact" : " facts");
    }
}
