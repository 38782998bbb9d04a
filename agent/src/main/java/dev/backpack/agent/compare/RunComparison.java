package dev.backpack.agent.compare;

import java.util.List;
import java.util.Set;

/**
 * Compares two runs node by node: reads one node from each source, compares, keeps only the
 * differences, and moves on, so a 1,000-node diff holds two nodes' facts at a time (plus the
 * cluster-scope facts, one set per run).
 */
public final class RunComparison {

    /** Sees each node's facts while they are in memory, e.g. to build the report's machine overview. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /** The cluster-scope facts of both runs, before any node. */
        default void cluster(NodeFacts a, NodeFacts b) {
        }

        /** One node compared; {@code a} or {@code b} is null when the node is only in the other run. */
        default void node(NodeFacts a, NodeFacts b, NodeDiff diff) {
        }
    }

    private final DiffOptions options;
    private final Differ differ;

    public RunComparison(DiffOptions options) {
        this.options = options;
        this.differ = new Differ(options);
    }

    /** @param withCluster whether to compare the cluster-scope facts too (not for two nodes of one run) */
    public DiffReport compare(RunSource a, RunSource b, NodePairing pairing, boolean withCluster, Listener listener) {
        DiffReport report = new DiffReport(a.describe(), b.describe());
        NodeFacts clusterA = withCluster ? a.cluster(options.modules()) : new NodeFacts(NodeDiff.CLUSTER);
        NodeFacts clusterB = withCluster ? b.cluster(options.modules()) : new NodeFacts(NodeDiff.CLUSTER);
        listener.cluster(clusterA, clusterB);
        Set<String> modules = options.modules();
        for (NodePairing.Pair pair : pairing.pair(a.nodes(), b.nodes())) {
            NodeFacts factsA = pair.a() == null ? null : a.node(pair.a(), modules);
            NodeFacts factsB = pair.b() == null ? null : b.node(pair.b(), modules);
            NodeDiff diff = factsA == null || factsB == null
                    ? new NodeDiff(pair.a(), pair.b(), List.of(), 0)
                    : differ.compare(factsA, factsB);
            report.add(diff);
            listener.node(factsA, factsB, diff);
        }
        if (!clusterA.isEmpty() || !clusterB.isEmpty()) {
            report.add(differ.compare(clusterA, clusterB));
        }
        return report;
    }
}
