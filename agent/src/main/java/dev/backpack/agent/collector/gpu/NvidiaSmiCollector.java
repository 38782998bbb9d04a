package dev.backpack.agent.collector.gpu;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.CommandRunner;
import dev.backpack.contract.MetadataModule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One document per NVIDIA GPU from {@code nvidia-smi --query-gpu}; skipped when the tool is absent. */
public final class NvidiaSmiCollector implements Collector {
    static final String TOOL = "nvidia-smi";
    static final List<String> FIELDS = List.of("index", "name", "uuid", "serial", "pci.bus_id", "driver_version",
            "vbios_version", "memory.total", "power.limit", "clocks.max.sm", "clocks.max.memory", "persistence_mode",
            "compute_mode", "mig.mode.current");
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CommandRunner commands;

    public NvidiaSmiCollector(CommandRunner commands) {
        this.commands = commands;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.NVIDIA_SMI;
    }

    @Override
    public ModuleFacts collect() throws CommandRunner.CommandFailedException {
        var tool = commands.find(TOOL);
        if (tool.isEmpty()) {
            return ModuleFacts.skipped(TOOL + " is not installed (no NVIDIA driver on this node)");
        }
        String csv = commands.run(List.of(tool.get(), "--query-gpu=" + String.join(",", FIELDS),
                "--format=csv,noheader,nounits"), TIMEOUT);
        List<Fact> facts = new ArrayList<>();
        for (Map<String, Object> gpu : parseCsv(csv)) {
            facts.add(new Fact(TOOL, gpu));
        }
        return ModuleFacts.of(facts);
    }

    /** One line per GPU, values in {@link #FIELDS} order; {@code [N/A]} and {@code [Not Supported]} are left out. */
    static List<Map<String, Object>> parseCsv(String csv) {
        List<Map<String, Object>> gpus = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            Values v = Values.create();
            for (int i = 0; i < FIELDS.size() && i < values.length; i++) {
                String value = values[i].trim();
                if (!value.startsWith("[")) {
                    v.put(FIELDS.get(i).replace('.', '_'), value);
                }
            }
            gpus.add(v.toMap());
        }
        return gpus;
    }
}
