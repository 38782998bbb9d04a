package dev.backpack.agent.collector.cpu;

import dev.backpack.agent.collector.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The text of {@code /proc/cpuinfo}, parsed: no I/O, so every architecture's variant is a text block in a test. */
final class CpuInfoText {
    private final List<Map<String, String>> blocks;
    private final List<Map<String, String>> processors;

    private CpuInfoText(List<Map<String, String>> blocks) {
        this.blocks = blocks;
        this.processors = blocks.stream().filter(b -> b.containsKey("processor")).toList();
    }

    static CpuInfoText parse(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        // Some architectures (arm64) end with a block of machine-wide keys without "processor".
        return new CpuInfoText(blocks);
    }

    int processorCount() {
        return processors.size();
    }

    /** The identity fields lscpu prints, from the first processor block (and any machine-wide block). */
    Map<String, Object> identity() {
        Map<String, String> first = processors.isEmpty() ? Map.of() : processors.get(0);
        Map<String, String> machine = new LinkedHashMap<>();
        blocks.stream().filter(b -> !b.containsKey("processor")).forEach(machine::putAll);
        Values v = Values.create()
                .put("cpus", processors.size())
                .put("vendor_id", first.getOrDefault("vendor_id", first.get("CPU implementer")))
                .put("model_name", first.getOrDefault("model name", machine.get("Hardware")))
                .put("cpu_family", first.get("cpu family"))
                .put("model", first.getOrDefault("model", first.get("CPU part")))
                .put("stepping", first.getOrDefault("stepping", first.get("CPU revision")))
                .put("microcode", first.get("microcode"))
                .put("cpu_mhz", number(first.get("cpu MHz")))
                .put("bogomips", number(first.getOrDefault("bogomips", first.get("BogoMIPS"))))
                .put("address_sizes", first.get("address sizes"));
        List<String> flags = words(first.getOrDefault("flags", first.get("Features")));
        v.put("flags", flags);
        v.put("bugs", words(first.get("bugs")));
        if (flags.contains("vmx")) {
            v.put("virtualization", "VT-x");
        } else if (flags.contains("svm")) {
            v.put("virtualization", "AMD-V");
        }
        if (flags.contains("hypervisor")) {
            v.put("virtualization_type", "full");
        }
        return v.toMap();
    }

    /** Sockets and cores from {@code physical id} and {@code core id}; absent where cpuinfo has no such lines (arm64). */
    Optional<CpuTopology> topology() {
        Set<String> sockets = new LinkedHashSet<>();
        Set<String> cores = new LinkedHashSet<>();
        for (Map<String, String> p : processors) {
            String socket = p.get("physical id");
            if (socket != null) {
                sockets.add(socket);
                cores.add(socket + ":" + p.getOrDefault("core id", p.get("processor")));
            }
        }
        return CpuTopology.count(sockets.size(), cores.size(), processors.size());
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
