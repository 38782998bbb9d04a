package dev.backpack.agent.collector;

import dev.backpack.contract.MetadataModule;

/**
 * Gathers the facts of one module. Turning facts into documents is someone else's job
 * ({@code dev.backpack.agent.document}).
 *
 * <p>Contract: a fact that does not exist on this machine is not an error: return
 * {@link ModuleFacts#skipped(String)} with the reason (no NVIDIA GPU, no cluster). Throw only when
 * something that should be readable could not be read; the runner turns the exception into an error
 * record for this module and the other modules still run.
 */
public interface Collector {

    MetadataModule module();

    ModuleFacts collect() throws Exception;
}
