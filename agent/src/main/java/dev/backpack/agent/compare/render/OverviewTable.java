package dev.backpack.agent.compare.render;

import dev.backpack.agent.compare.NodeOverview;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code backpack show} for people: one block per node, one line per headline fact. */
public final class OverviewTable {
    private OverviewTable() {
    }

    public static void print(String run, List<NodeOverview> nodes, PrintWriter out) {
        out.println(run + ": " + nodes.size() + (nodes.size() == 1 ? " node" : " nodes"));
        for (NodeOverview n : nodes) {
            out.println();
            out.println(n.node());
            List<String[]> rows = new ArrayList<>();
            rows.add(row("CPU", join(n.cpuModel(), n.topology().isEmpty() ? null : "(" + n.topology() + ")")));
            rows.add(row("Memory", n.memory()));
            rows.add(row("Kernel", n.kernel()));
            rows.add(row("OS", n.os()));
            rows.add(row("NICs", String.join(", ", n.nics())));
            rows.add(row("Disks", String.join(", ", n.disks())));
            rows.add(row("BIOS", n.bios()));
            rows.add(row("Mitigations", n.vulnerabilitiesChecked() == 0 ? null
                    : n.mitigations().isEmpty() ? "none of " + n.vulnerabilitiesChecked() + " vulnerable"
                    : n.mitigations().size() + " of " + n.vulnerabilitiesChecked() + " vulnerable: "
                    + String.join(", ", n.mitigations())));
            rows.add(row("Kubernetes", n.kubernetes()));
            if (!n.labels().isEmpty()) {
                List<String> labels = new ArrayList<>();
                for (Map.Entry<String, String> e : n.labels().entrySet()) {
                    labels.add(e.getKey() + "=" + e.getValue());
                }
                rows.add(row("Labels", String.join(", ", labels)));
            }
            for (String[] r : rows) {
                out.println(String.format("  %-12s %s", r[0], r[1]).stripTrailing());
            }
        }
        out.flush();
    }

    private static String[] row(String name, String value) {
        return new String[]{name, value == null || value.isBlank() ? "-" : value};
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }
}
