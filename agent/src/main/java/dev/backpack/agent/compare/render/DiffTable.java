package dev.backpack.agent.compare.render;

import dev.backpack.agent.compare.Change;
import dev.backpack.agent.compare.DiffReport;
import dev.backpack.agent.compare.NodeDiff;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code backpack diff} for people: per node, one line per difference with the first and second run's
 * values side by side, then the summary line.
 */
public final class DiffTable {
    static final int MAX_VALUE = 60;

    private DiffTable() {
    }

    public static void print(DiffReport report, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        for (NodeDiff node : report.differing()) {
            if (node.onlyInA()) {
                rows.add(new String[]{node.label(), "", "(node)", "present", "absent"});
                continue;
            }
            if (node.onlyInB()) {
                rows.add(new String[]{node.label(), "", "(node)", "absent", "present"});
                continue;
            }
            for (Change c : node.changes()) {
                rows.add(new String[]{node.label(), c.module(), c.fact().isEmpty() ? "(module)" : c.fact(),
                        before(c), after(c)});
            }
        }
        if (!rows.isEmpty()) {
            rows.add(0, new String[]{"NODE", "MODULE", "FACT", shorten(report.runA()), shorten(report.runB())});
            int[] widths = new int[4];
            for (String[] row : rows) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    line.append(String.format("%-" + widths[i] + "s  ", row[i]));
                }
                out.println(line.append(row[4]).toString().stripTrailing());
            }
            out.println();
        }
        out.println(report.summary() + volatileNote(report));
        out.flush();
    }

    static String volatileNote(DiffReport report) {
        return report.volatileIgnored() == 0 ? ""
                : " (" + report.volatileIgnored() + " volatile facts ignored; --all shows them)";
    }

    private static String before(Change c) {
        return switch (c.kind()) {
            case ADDED, MODULE_ADDED -> "absent";
            case CHANGED -> c.isMembers() ? shorten(c.removedText()) : shorten(c.before());
            default -> shorten(c.before());
        };
    }

    private static String after(Change c) {
        return switch (c.kind()) {
            case REMOVED, MODULE_REMOVED -> "absent";
            case CHANGED -> c.isMembers() ? shorten(c.addedText()) : shorten(c.after());
            default -> shorten(c.after());
        };
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= MAX_VALUE ? oneLine : oneLine.substring(0, MAX_VALUE - 1) + "…";
    }
}
