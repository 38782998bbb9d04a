package dev.backpack.agent.dedup;

/**
 * Whether the index already holds this node's documents for a uuid. Redis is only a cache: a key that
 * says "collected" is trusted only if the documents are really there (upstream checks this too).
 */
@FunctionalInterface
public interface CollectedDocuments {

    /** Used when there is no index to ask (output to files): trust Redis. */
    CollectedDocuments TRUST_REDIS = (uuid, nodeName) -> true;

    boolean exist(String uuid, String nodeName);
}
