package dev.backpack.agent.sink.search;

import dev.backpack.agent.sink.DeliveryProgress;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.contract.MetadataDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What became of each document of one delivery: per module tallies, and the raw result's own outcome. */
final class DeliveryOutcomes {
    private final Map<String, ModuleTally> modules = new TreeMap<>();
    private final DeliveryProgress progress;
    private boolean rawDelivered;
    private String rawFailure;

    /** Every module of {@code documents} appears in the report, also when all its documents failed. */
    DeliveryOutcomes(DeliveryProgress progress, List<MetadataDocument> documents) {
        this.progress = progress;
        documents.forEach(doc -> tally(doc.module()));
    }

    void delivered(PendingDocument document) {
        if (document instanceof PendingDocument.OfModule doc) {
            progress.delivered(1);
            tally(doc.module()).delivered++;
        } else {
            rawDelivered = true;
        }
    }

    /** Already in the index under the same id (409): as good as delivered. */
    void alreadyPresent(PendingDocument document) {
        if (document instanceof PendingDocument.OfModule doc) {
            progress.alreadyPresent(1);
            tally(doc.module()).alreadyPresent++;
        } else {
            rawDelivered = true;
        }
    }

    void failed(PendingDocument document, String reason) {
        if (document instanceof PendingDocument.OfModule doc) {
            progress.failed(1);
            tally(doc.module()).failed.add(new DeliveryReport.FailedDocument(doc.id(), reason));
        } else {
            rawFailure = reason;
        }
    }

    void failedAll(List<PendingDocument> documents, String reason) {
        documents.forEach(doc -> failed(doc, reason));
    }

    /** Why the raw result was not indexed, or null. */
    String rawFailure() {
        return rawFailure;
    }

    /** @param rawSent whether this delivery had a raw result to send; without one, the raw part is fine */
    DeliveryReport report(boolean rawSent) {
        Map<String, DeliveryReport.ModuleDelivery> report = new LinkedHashMap<>();
        modules.forEach((module, tally) -> report.put(module, tally.delivery()));
        return new DeliveryReport(report, !rawSent || rawDelivered);
    }

    private ModuleTally tally(String module) {
        return modules.computeIfAbsent(module, m -> new ModuleTally());
    }

    private static final class ModuleTally {
        private int delivered;
        private int alreadyPresent;
        private final List<DeliveryReport.FailedDocument> failed = new ArrayList<>();

        DeliveryReport.ModuleDelivery delivery() {
            return new DeliveryReport.ModuleDelivery(delivered, alreadyPresent, List.copyOf(failed));
        }
    }
}
