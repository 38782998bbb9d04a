package dev.backpack.agent.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of comparing two runs: every node compared, but only the differing ones kept with their
 * changes, so it grows with the differences, not with the fleet.
 */
public final class DiffReport {
    private final String runA;
    private final String runB;
    private final List<NodeDiff> differing = new ArrayList<>();
    private int nodesCompared;
    private int nodesSame;
    private int volatileIgnored;

    public DiffReport(String runA, String runB) {
        this.runA = runA;
        this.runB = runB;
    }

    public void add(NodeDiff node) {
        if (!NodeDiff.CLUSTER.equals(node.label())) {
            nodesCompared++;
        }
        volatileIgnored += node.volatileIgnored();
        if (node.same()) {
            nodesSame++;
        } else {
            differing.add(node);
        }
    }

    public String runA() {
        return runA;
    }

    public String runB() {
        return runB;
    }

    /** Nodes compared (those present in only one run included), the cluster-wide facts not counted. */
    public int nodesCompared() {
        return nodesCompared;
    }

    public int nodesSame() {
        return nodesSame;
    }

    public int nodesDiffering() {
        return (int) differing.stream().filter(n -> !NodeDiff.CLUSTER.equals(n.label())).count();
    }

    public List<NodeDiff> differing() {
        return List.copyOf(differing);
    }

    public int volatileIgnored() {
        return volatileIgnored;
    }

    public int differences() {
        return differing.stream().mapToInt(NodeDiff::differences).sum();
    }

    public boolean same() {
        return differing.isEmpty();
    }

    /** Differences per module, most first; a node missing from a run counts under "nodes". */
    public Map<String, Integer> differencesByModule() {
        Map<String, Integer> counts = new TreeMap<>();
        for (NodeDiff node : differing) {
            if (node.onlyInA() || node.onlyInB()) {
                counts.merge("nodes", 1, Integer::sum);
            } else {
                node.changes().forEach(c -> counts.merge(c.module(), 1, Integer::sum));
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** "3 nodes, 41 differences, 2 of them in CPU mitigations" (the two largest modules named). */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(nodesCompared).append(nodesCompared == 1 ? " node, " : " nodes, ");
        int total = differences();
        out.append(total == 0 ? "no" : String.valueOf(total)).append(total == 1 ? " difference" : " differences");
        if (total > 0) {
            List<String> parts = new ArrayList<>();
            differencesByModule().entrySet().stream().limit(3).forEach(e -> parts.add(
                    (parts.isEmpty() ? e.getValue() + " of them in " : e.getValue() + " in ")
                            + ModuleTitles.title(e.getKey())));
            out.append(", ").append(String.join(", ", parts));
        }
        return out.toString();
    }
}
