package dev.backpack.contract;

/**
 * Whether a module's facts belong to one node or to the whole cluster. Cluster facts reported by many
 * nodes must become one document, so their document id leaves the host out.
 */
public enum ModuleScope {
    NODE,
    CLUSTER
}
