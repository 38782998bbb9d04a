package dev.backpack.agent.run;

import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what it was given, as an index would, and reports every document delivered. */
final class CapturingSink implements DocumentSink {
    final List<MetadataDocument> documents = new ArrayList<>();
    RawResultDocument raw;

    @Override
    public synchronized DeliveryReport deliver(List<MetadataDocument> docs, RawResultDocument rawResult) {
        documents.addAll(docs);
        raw = rawResult;
        Map<String, DeliveryReport.ModuleDelivery> modules = new LinkedHashMap<>();
        for (MetadataDocument d : docs) {
            modules.merge(d.module(), new DeliveryReport.ModuleDelivery(1, 0, List.of()),
                    (a, b) -> new DeliveryReport.ModuleDelivery(a.delivered() + 1, 0, List.of()));
        }
        return new DeliveryReport(modules, true);
    }

    @Override
    public String describe() {
        return "memory";
    }
}
