package dev.backpack.agent.collector;

import dev.backpack.contract.MetadataModule;

/** Builds the collector of a module for one run; {@link CollectorCatalog} is the real list. */
@FunctionalInterface
public interface CollectorFactory {
    Collector create(MetadataModule module, CollectorCatalog.Context context);
}
