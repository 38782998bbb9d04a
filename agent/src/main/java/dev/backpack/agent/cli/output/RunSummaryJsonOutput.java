package dev.backpack.agent.cli.output;

import dev.backpack.agent.run.ModuleOutcome;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.contract.JsonTreeWriter;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --json}: the summary as one JSON object on stdout, for scripts. */
public final class RunSummaryJsonOutput {
    private RunSummaryJsonOutput() {
    }

    static Map<String, Object> toMap(RunSummary summary, boolean generatedUuid, String outputDirectory) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("uuid", summary.uuid());
        root.put("uuid_generated", generatedUuid);
        root.put("node_name", summary.nodeName());
        root.put("target", summary.target());
        if (outputDirectory != null) {
            root.put("output", outputDirectory);
        }
        root.put("ok", summary.ok());
        root.put("documents", summary.documents());
        root.put("duration_ms", summary.duration().toMillis());
        List<Map<String, Object>> modules = new ArrayList<>();
        for (ModuleOutcome m : summary.modules()) {
            Map<String, Object> module = new LinkedHashMap<>();
            module.put("module", m.module().moduleName());
            module.put("status", m.status().label());
            module.put("documents", m.documents());
            module.put("duration_ms", m.duration().toMillis());
            if (m.reason() != null) {
                module.put("reason", m.reason());
            }
            if (!m.notes().isEmpty()) {
                module.put("notes", m.notes());
            }
            modules.add(module);
        }
        root.put("modules", modules);
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("ok", summary.deliveryOk());
        if (summary.deliveryError() != null) {
            delivery.put("error", summary.deliveryError());
        }
        DeliveryReport report = summary.delivery();
        if (report != null) {
            delivery.put("raw_delivered", report.rawDelivered());
            delivery.put("failed", report.failedCount());
        }
        root.put("delivery", delivery);
        return root;
    }

    public static void print(RunSummary summary, boolean generatedUuid, String outputDirectory, PrintWriter out) {
        out.println(JsonTreeWriter.INSERTION_ORDER.toJson(toMap(summary, generatedUuid, outputDirectory)));
        out.flush();
    }
}
