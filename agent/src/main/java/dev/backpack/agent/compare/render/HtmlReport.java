package dev.backpack.agent.compare.render;

import dev.backpack.agent.AgentVersion;
import dev.backpack.agent.compare.Change;
import dev.backpack.agent.compare.DiffReport;
import dev.backpack.agent.compare.ModuleTitles;
import dev.backpack.agent.compare.NodeDiff;
import dev.backpack.agent.compare.NodeOverview;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code backpack report}: one self-contained HTML page (styles inline, no scripts, fonts or links to
 * fetch) from {@code report.ftlh}: the summary, the diff grouped by node and module in collapsible
 * sections, and the machines of the run(s).
 */
public final class HtmlReport {
    private static final Configuration FREEMARKER = configuration();

    private HtmlReport() {
    }

    /**
     * @param diff      null for a report of one run
     * @param machinesA the first run's machines; {@code machinesB} the second's, null for one run
     */
    public static void write(String runA, List<NodeOverview> machinesA, String runB, List<NodeOverview> machinesB,
                             DiffReport diff, Writer out) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("version", AgentVersion.current());
        model.put("runA", runA);
        model.put("runB", runB == null ? "" : runB);
        model.put("twoRuns", runB != null);
        model.put("labelA", label(runA));
        model.put("labelB", runB == null ? "" : label(runB));
        model.put("machinesA", OverviewJson.model(machinesA));
        model.put("machinesB", machinesB == null ? List.of() : OverviewJson.model(machinesB));
        if (diff != null) {
            model.put("diff", DiffJson.model(diff));
            model.put("modules", modules(diff));
            model.put("nodes", nodes(diff));
        }
        try {
            Template template = FREEMARKER.getTemplate("report.ftlh");
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("the report template failed: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static List<Map<String, Object>> modules(DiffReport diff) {
        List<Map<String, Object>> modules = new ArrayList<>();
        diff.differencesByModule().forEach((module, count) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("module", module);
            m.put("title", ModuleTitles.title(module));
            m.put("count", count);
            modules.add(m);
        });
        return modules;
    }

    /** Nodes with their changes grouped by module, for the collapsible sections. */
    private static List<Map<String, Object>> nodes(DiffReport diff) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NodeDiff node : diff.differing()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("label", node.label());
            n.put("status", node.onlyInA() ? "only in " + diff.runA() : node.onlyInB() ? "only in " + diff.runB() : "");
            n.put("differences", node.differences());
            Map<String, List<Map<String, Object>>> byModule = new LinkedHashMap<>();
            for (Change c : node.changes()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("fact", c.fact().isEmpty() ? "(whole module)" : c.fact());
                row.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                boolean members = c.isMembers();
                row.put("members", members);
                row.put("before", members ? c.removedText() : c.before() == null ? "absent" : c.before());
                row.put("after", members ? c.addedText() : c.after() == null ? "absent" : c.after());
                byModule.computeIfAbsent(c.module(), k -> new ArrayList<>()).add(row);
            }
            List<Map<String, Object>> modules = new ArrayList<>();
            byModule.forEach((module, rows) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("module", module);
                m.put("title", ModuleTitles.title(module));
                m.put("changes", rows);
                modules.add(m);
            });
            n.put("modules", modules);
            nodes.add(n);
        }
        return nodes;
    }

    /** A folder's last name ({@code run-a} for {@code /data/backpack-output/run-a}); a uuid as it is. */
    static String label(String run) {
        String trimmed = run.endsWith("/") ? run.substring(0, run.length() - 1) : run;
        int slash = trimmed.lastIndexOf('/');
        return slash >= 0 && slash < trimmed.length() - 1 ? trimmed.substring(slash + 1) : trimmed;
    }

    private static Configuration configuration() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassForTemplateLoading(HtmlReport.class, "");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        return configuration;
    }
}
