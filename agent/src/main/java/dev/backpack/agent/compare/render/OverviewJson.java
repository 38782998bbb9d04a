package dev.backpack.agent.compare.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backpack.agent.compare.NodeOverview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code backpack show --json}: {@code {"run": ..., "nodes": [...]}} (fields in docs/compare.md). */
public final class OverviewJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OverviewJson() {
    }

    public static String render(String run, List<NodeOverview> nodes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run);
        out.put("nodes", model(nodes));
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the overview as JSON", e);
        }
    }

    public static List<Map<String, Object>> model(List<NodeOverview> nodes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeOverview n : nodes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", n.node());
            m.put("cpu_model", n.cpuModel());
            m.put("sockets", n.cpuSockets());
            m.put("cores", n.cpuCores());
            m.put("threads", n.cpuThreads());
            m.put("memory_bytes", n.memoryBytes());
            m.put("memory", n.memory());
            m.put("kernel", n.kernel());
            m.put("os", n.os());
            m.put("nics", n.nics());
            m.put("disks", n.disks());
            m.put("bios", n.bios());
            m.put("vulnerabilities_checked", n.vulnerabilitiesChecked());
            m.put("vulnerable", n.mitigations());
            m.put("kubernetes", n.kubernetes());
            m.put("labels", n.labels());
            out.add(m);
        }
        return out;
    }
}
