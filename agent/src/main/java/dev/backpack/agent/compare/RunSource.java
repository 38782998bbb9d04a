package dev.backpack.agent.compare;

import java.util.List;
import java.util.Set;

/**
 * One run's documents, read node by node so memory holds one node's documents at a time: a search
 * server (by uuid) or the file sink's output folders.
 */
public interface RunSource extends AutoCloseable {

    /** What the user named, for headers and messages (a uuid, a folder). */
    String describe();

    /** The nodes with node-scope documents, sorted by name. */
    List<String> nodes();

    /** One node's node-scope facts; {@code modules} empty means all. */
    NodeFacts node(String name, Set<String> modules);

    /** The cluster-scope facts (Kubernetes, OpenShift) of the run, one set per run. */
    NodeFacts cluster(Set<String> modules);

    /** Whether the run holds at least one document of {@code module}. */
    boolean hasModule(String module);

    @Override
    void close();
}
