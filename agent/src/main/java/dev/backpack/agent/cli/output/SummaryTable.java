package dev.backpack.agent.cli.output;

import dev.backpack.agent.run.ModuleOutcome;
import dev.backpack.agent.run.RunSummary;

import java.io.PrintWriter;

/** The human summary: one row per module (documents, time, status and why), then where the documents went. */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static void print(RunSummary summary, PrintWriter out) {
        int width = Math.max("MODULE".length(), summary.modules().stream()
                .mapToInt(m -> m.module().moduleName().length()).max().orElse(0));
        String format = "%-" + width + "s  %9s  %8s  %s%n";
        out.printf(format, "MODULE", "DOCUMENTS", "TIME", "STATUS");
        for (ModuleOutcome m : summary.modules()) {
            String status = m.status().label() + (m.reason() == null ? "" : ": " + m.reason());
            out.printf(format, m.module().moduleName(), m.documents(), m.duration().toMillis() + " ms", status);
            for (String note : m.notes()) {
                out.printf(format, "", "", "", "  note: " + note);
            }
        }
        if (summary.deliveryError() != null) {
            out.println("delivery to " + summary.target() + " failed: " + summary.deliveryError());
        } else if (summary.delivery() != null) {
            int failed = summary.delivery().failedCount();
            out.println(summary.documents() + " documents to " + summary.target()
                    + (failed > 0 ? " (" + failed + " failed)" : "")
                    + (summary.delivery().rawDelivered() ? "" : " (raw result not delivered)")
                    + " in " + summary.duration().toMillis() + " ms");
        }
        out.flush();
    }
}
