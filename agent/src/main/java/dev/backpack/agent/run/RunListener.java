package dev.backpack.agent.run;

import dev.backpack.contract.MetadataModule;

/** Progress of a run, for the command line's progress lines. Called on the running thread. */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    default void moduleStarted(MetadataModule module, int index, int total) {
    }

    default void moduleFinished(ModuleOutcome outcome, int index, int total) {
    }

    default void deliveryStarted(String target, int documents) {
    }
}
