package dev.backpack.agent.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which node of the first run is compared with which of the second: by name, except renamed pairs
 * ({@code --map a=b}); {@code --node} keeps one node (by either name).
 */
public final class NodePairing {
    /** @param a the node's name in the first run or null; @param b in the second run or null */
    public record Pair(String a, String b) {
    }

    private final Map<String, String> renames;
    private final String only;
    private final Pair explicit;

    /** @param renames first-run name → second-run name; @param only a node name to keep, or null for all */
    public NodePairing(Map<String, String> renames, String only) {
        this(renames, only, null);
    }

    private NodePairing(Map<String, String> renames, String only, Pair explicit) {
        this.renames = Map.copyOf(renames);
        this.only = only;
        this.explicit = explicit;
    }

    /** Exactly node {@code a} of the first run with node {@code b} of the second (two nodes of one run). */
    public static NodePairing of(String a, String b) {
        return new NodePairing(Map.of(), null, new Pair(a, b));
    }

    public static NodePairing byName() {
        return new NodePairing(Map.of(), null);
    }

    /** Pairs in the order of the second run's names, nodes of one run only included. */
    public List<Pair> pair(List<String> nodesA, List<String> nodesB) {
        if (explicit != null) {
            return List.of(new Pair(nodesA.contains(explicit.a()) ? explicit.a() : null,
                    nodesB.contains(explicit.b()) ? explicit.b() : null));
        }
        Map<String, String> reverse = new HashMap<>();
        renames.forEach((a, b) -> reverse.put(b, a));
        TreeMap<String, Pair> byKey = new TreeMap<>();
        Map<String, String> keyOfA = new LinkedHashMap<>();
        for (String a : nodesA) {
            String key = renames.getOrDefault(a, a);
            keyOfA.put(a, key);
            byKey.put(key, new Pair(a, null));
        }
        for (String b : nodesB) {
            Pair existing = byKey.get(b);
            byKey.put(b, new Pair(existing == null ? null : existing.a(), b));
        }
        List<Pair> pairs = new ArrayList<>();
        for (Pair p : byKey.values()) {
            if (only == null || only.equals(p.a()) || only.equals(p.b())) {
                pairs.add(p);
            }
        }
        return pairs;
    }
}
