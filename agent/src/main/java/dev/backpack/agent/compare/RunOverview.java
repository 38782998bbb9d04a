package dev.backpack.agent.compare;

import java.util.ArrayList;
import java.util.List;

/** The machines of one run, read node by node; only the headlines of each node are kept. */
public final class RunOverview {
    private RunOverview() {
    }

    /** @param only a node name to keep, or null for all */
    public static List<NodeOverview> of(RunSource source, String only) {
        NodeFacts cluster = source.cluster(java.util.Set.of("k8s_nodes"));
        List<NodeOverview> nodes = new ArrayList<>();
        for (String name : source.nodes()) {
            if (only == null || only.equals(name)) {
                nodes.add(NodeOverview.of(source.node(name, java.util.Set.of()), cluster));
            }
        }
        return nodes;
    }
}
