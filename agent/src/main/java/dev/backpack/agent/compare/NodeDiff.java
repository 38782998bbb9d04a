package dev.backpack.agent.compare;

import java.util.List;

/**
 * How one node (or a renamed pair, or the cluster-wide facts) differs between the two runs.
 *
 * @param nodeA          the node's name in the first run, null when it is only in the second
 * @param nodeB          the node's name in the second run, null when it is only in the first
 * @param volatileIgnored changed facts left out because they are volatile ({@code VolatileFacts})
 */
public record NodeDiff(String nodeA, String nodeB, List<Change> changes, int volatileIgnored) {
    /** The pseudo node holding cluster-scope facts (Kubernetes, OpenShift). */
    public static final String CLUSTER = "(cluster)";

    public NodeDiff {
        changes = List.copyOf(changes);
    }

    /** The name to show: the node's, or "a → b" for a renamed pair. */
    public String label() {
        if (nodeA == null) {
            return nodeB;
        }
        if (nodeB == null || nodeA.equals(nodeB)) {
            return nodeA;
        }
        return nodeA + " → " + nodeB;
    }

    public boolean onlyInA() {
        return nodeB == null;
    }

    public boolean onlyInB() {
        return nodeA == null;
    }

    public boolean same() {
        return nodeA != null && nodeB != null && changes.isEmpty();
    }

    /** Differences this node counts for: one for a node missing from a run, else one per change. */
    public int differences() {
        return onlyInA() || onlyInB() ? 1 : changes.size();
    }
}
