package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.agent.compare.DiffOptions;
import dev.backpack.contract.MetadataModule;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code backpack diff} and {@code backpack report} compare: which modules, volatile facts or not. */
public final class CompareOptions {
    @Option(names = "--module", split = ",", paramLabel = "<module>",
            description = "Compare only these modules (comma list, repeatable), e.g. sysctl,cpuinfo.")
    List<String> modules = new ArrayList<>();

    @Option(names = "--all", description = "Also report volatile facts (free memory, counters, random ids; see docs/compare.md).")
    boolean all;

    /** @throws BackpackException (usage) for a module name the agent does not know */
    public Set<String> modules() {
        Set<String> known = MetadataModule.all().stream().map(MetadataModule::moduleName).collect(Collectors.toSet());
        Set<String> chosen = new LinkedHashSet<>();
        for (String m : modules) {
            String name = m.strip();
            if (!known.contains(name)) {
                throw BackpackException.usage("unknown module " + name + " in --module; known modules: "
                        + known.stream().sorted().collect(Collectors.joining(", ")));
            }
            chosen.add(name);
        }
        return chosen;
    }

    public DiffOptions diffOptions() {
        return new DiffOptions(modules(), all);
    }
}
