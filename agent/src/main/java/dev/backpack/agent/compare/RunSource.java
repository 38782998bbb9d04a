package dev.backpack.agent.compare;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run's documents, read node by node so memory holds one node's documents at a time: a search
 * server (by uuid) or the file sink's output folders.
 */
public interface RunSource extends AutoCloseable {

    /** What the user named, for headers and messages (a uuid, a folder). */
    String describe();

    /** The nodes with node-scope documents, sorted by name. */
    List<String> nodes();

    /**
     * Reads the node-scope documents that may be {@code name}'s; {@code modules} empty means all. A source
     * may pass other nodes' documents too (a merged folder, a term matching part of a name):
     * {@link #node} keeps exact matches only.
     */
    void readNode(String name, Set<String> modules, Consumer<StoredDocument> documents);

    /** Reads the run's cluster-scope documents (Kubernetes, OpenShift), one set per run. */
    void readCluster(Set<String> modules, Consumer<StoredDocument> documents);

    /** One node's node-scope facts; {@code modules} empty means all. */
    default NodeFacts node(String name, Set<String> modules) {
        NodeFacts facts = new NodeFacts(name);
        DocumentFlattener flattener = new DocumentFlattener();
        readNode(name, modules, d -> {
            if (name.equals(d.nodeName())) {
                flattener.add(d, facts);
            }
        });
        return facts;
    }

    /** The cluster-scope facts of the run. */
    default NodeFacts cluster(Set<String> modules) {
        NodeFacts facts = new NodeFacts(NodeDiff.CLUSTER);
        DocumentFlattener flattener = new DocumentFlattener();
        readCluster(modules, d -> flattener.add(d, facts));
        return facts;
    }

    /** Whether the run holds at least one document of {@code module}. */
    boolean hasModule(String module);

    @Override
    void close();
}
