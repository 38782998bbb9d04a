package dev.backpack.agent.cli;

import dev.backpack.agent.cli.options.CompareOptions;
import dev.backpack.agent.compare.DiffOptions;
import dev.backpack.agent.compare.DiffReport;
import dev.backpack.agent.compare.NodePairing;
import dev.backpack.agent.compare.RunComparison;
import dev.backpack.agent.compare.RunSource;
import dev.backpack.agent.compare.render.DiffJson;
import dev.backpack.agent.compare.render.DiffTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code backpack diff A B}: what differs between the machines of two runs (uuids on a server, or output
 * folders), per node and module; or, with {@code --uuid}, between two nodes of one run.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Shows what differs between the machines of two runs, per node and module: facts added, "
                + "removed and changed, old and new value side by side. A run is a uuid (read from -s) or an output "
                + "folder of the file sink. With --uuid, A and B are two nodes of that run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the machines are the same", "1:a run could not be read (server unreachable, unreadable file)",
                "2:bad usage (unknown uuid or module, not an output folder, bad flag)", "3:the machines differ"})
public final class DiffCommand extends StoredRunCommand {
    @Mixin
    CompareOptions compare;

    @Parameters(index = "0", paramLabel = "A", description = "First run: uuid or output folder (with --uuid: a node name).")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Second run: uuid or output folder (with --uuid: a node name).")
    String b;

    @Option(names = "--uuid", paramLabel = "<uuid|folder>", description = "Compare nodes A and B of this one run.")
    String uuid;

    @Option(names = "--map", paramLabel = "<a=b>", description = "Pair node a of the first run with node b of the "
            + "second (renamed nodes); repeatable.")
    List<String> map = List.of();

    @Option(names = "--node", paramLabel = "<name>", description = "Compare only this node (its name in either run).")
    String node;

    @Option(names = "--json", description = "Print the diff as one JSON object instead of the table.")
    boolean json;

    public DiffCommand(SinkSelector sinks) {
        super(sinks);
    }

    @Override
    public Integer call() {
        DiffOptions options = compare.diffOptions();
        DiffReport report;
        try (RunArguments runs = runs()) {
            NodePairing pairing;
            RunSource first;
            RunSource second;
            if (uuid != null) {
                if (!map.isEmpty() || node != null) {
                    throw BackpackException.usage("--map and --node do not go with --uuid, which already names both nodes");
                }
                first = runs.open(uuid);
                second = first;
                requireNode(first, a);
                requireNode(first, b);
                pairing = NodePairing.of(a, b);
            } else {
                first = runs.open(a);
                second = runs.open(b);
                pairing = new NodePairing(renames(map), node);
            }
            RunArguments.requireModules(options.modules(), first, second);
            report = RunArguments.guard(() -> new RunComparison(options).compare(first, second, pairing, uuid == null,
                    RunComparison.Listener.NONE));
        }
        print(json, () -> DiffJson.render(report), out -> DiffTable.print(report, out));
        return report.same() ? ExitCodes.OK : ExitCodes.DIFFERENT;
    }

    private static void requireNode(RunSource run, String name) {
        if (!RunArguments.guard(run::nodes).contains(name)) {
            throw BackpackException.usage("node " + name + " has no documents in " + run.describe()
                    + "; nodes there: " + RunArguments.guard(run::nodes).stream().limit(10).toList()
                    + (run.nodes().size() > 10 ? " and " + (run.nodes().size() - 10) + " more" : ""));
        }
    }

    /** {@code --map a=b} values as first-run name → second-run name. */
    static Map<String, String> renames(List<String> map) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String pair : map) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw BackpackException.usage("--map " + pair + " is not a=b; give the node's name in the first run, "
                        + "'=', and its name in the second");
            }
            renames.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return renames;
    }
}
