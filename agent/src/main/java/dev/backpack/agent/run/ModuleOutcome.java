package dev.backpack.agent.run;

import dev.backpack.contract.MetadataModule;

import java.time.Duration;
import java.util.List;

/**
 * One module's line in the summary. {@code reason} says why it was skipped or failed; {@code notes}
 * say what was left out of a successful collection.
 */
public record ModuleOutcome(MetadataModule module, ModuleStatus status, int documents, Duration duration,
                            String reason, List<String> notes) {
    public ModuleOutcome {
        notes = List.copyOf(notes);
    }
}
