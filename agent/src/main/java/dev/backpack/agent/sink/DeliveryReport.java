package dev.backpack.agent.sink;

import java.util.List;
import java.util.Map;

/**
 * What a sink did with one run's documents, per module. {@code alreadyPresent} counts documents the
 * target already held (same id: a re-run or another node's copy of a cluster fact), which is success.
 */
public record DeliveryReport(Map<String, ModuleDelivery> modules, boolean rawDelivered) {

    public record ModuleDelivery(int delivered, int alreadyPresent, List<FailedDocument> failed) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    public record FailedDocument(String id, String reason) {
    }

    public boolean ok() {
        return rawDelivered && modules.values().stream().allMatch(ModuleDelivery::ok);
    }

    public int failedCount() {
        return modules.values().stream().mapToInt(m -> m.failed().size()).sum();
    }
}
