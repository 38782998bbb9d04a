package dev.backpack.operator.status;

import dev.backpack.model.v1alpha1.MetadataSpec;

/** How a Benchmark's metadata is collected: not at all, by init containers, or by a DaemonSet. */
public enum CollectionMode {
    NONE, TARGETED, DAEMONSET;

    public static CollectionMode of(MetadataSpec metadata) {
        if (!metadata.collectionEnabled()) {
            return NONE;
        }
        return metadata.targetedOrDefault() ? TARGETED : DAEMONSET;
    }
}
