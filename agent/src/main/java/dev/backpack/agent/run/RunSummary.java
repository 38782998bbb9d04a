package dev.backpack.agent.run;

import dev.backpack.agent.sink.DeliveryReport;

import java.time.Duration;
import java.util.List;

/**
 * The result of one run: per module outcome, and what the sink did. {@code deliveryError} is set when
 * the sink failed as a whole (e.g. the output folder cannot be created).
 */
public record RunSummary(String uuid, String nodeName, String target, List<ModuleOutcome> modules,
                         int documents, DeliveryReport delivery, String deliveryError, Duration duration) {

    public RunSummary {
        modules = List.copyOf(modules);
    }

    public boolean collectionOk() {
        return modules.stream().noneMatch(m -> m.status() == ModuleStatus.ERROR);
    }

    public boolean deliveryOk() {
        return deliveryError == null && delivery != null && delivery.ok();
    }

    /** Every requested module collected or cleanly skipped, and everything delivered. */
    public boolean ok() {
        return collectionOk() && deliveryOk();
    }
}
