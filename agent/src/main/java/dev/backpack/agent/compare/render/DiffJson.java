package dev.backpack.agent.compare.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backpack.agent.compare.Change;
import dev.backpack.agent.compare.DiffReport;
import dev.backpack.agent.compare.NodeDiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code backpack diff --json}: the whole report as one JSON object (fields in docs/compare.md). */
public final class DiffJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DiffJson() {
    }

    public static String render(DiffReport report) {
        try {
            return JSON.writeValueAsString(model(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the diff as JSON", e);
        }
    }

    /** The report as plain maps and lists: the JSON output, and the HTML template's data. */
    public static Map<String, Object> model(DiffReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_a", report.runA());
        out.put("run_b", report.runB());
        out.put("same", report.same());
        out.put("summary", report.summary());
        out.put("nodes_compared", report.nodesCompared());
        out.put("nodes_same", report.nodesSame());
        out.put("nodes_differing", report.nodesDiffering());
        out.put("differences", report.differences());
        out.put("volatile_ignored", report.volatileIgnored());
        out.put("differences_by_module", report.differencesByModule());
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NodeDiff node : report.differing()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("node", node.label());
            n.put("node_a", node.nodeA());
            n.put("node_b", node.nodeB());
            n.put("status", node.onlyInA() ? "only_in_a" : node.onlyInB() ? "only_in_b" : "different");
            n.put("differences", node.differences());
            List<Map<String, Object>> changes = new ArrayList<>();
            for (Change c : node.changes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("module", c.module());
                m.put("fact", c.fact());
                m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                m.put("before", c.before());
                m.put("after", c.after());
                if (c.isMembers()) {
                    m.put("added", c.added());
                    m.put("removed", c.removed());
                }
                changes.add(m);
            }
            n.put("changes", changes);
            nodes.add(n);
        }
        out.put("nodes", nodes);
        return out;
    }
}
