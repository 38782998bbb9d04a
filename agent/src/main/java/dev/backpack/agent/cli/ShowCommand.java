package dev.backpack.agent.cli;

import dev.backpack.agent.compare.NodeOverview;
import dev.backpack.agent.compare.RunOverview;
import dev.backpack.agent.compare.RunSource;
import dev.backpack.agent.compare.render.OverviewJson;
import dev.backpack.agent.compare.render.OverviewTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code backpack show RUN}: the headline facts of each machine of one run. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Shows the machines of one run (a uuid read from -s, or an output folder): per node CPU, "
                + "sockets/cores/threads, memory, kernel, OS, NICs, disks, BIOS, CPU vulnerabilities, Kubernetes "
                + "version and node labels.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the run could not be read (server unreachable, unreadable file)",
                "2:bad usage (unknown uuid or node, not an output folder, bad flag)"})
public final class ShowCommand extends StoredRunCommand {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run: uuid or output folder.")
    String run;

    @Option(names = "--node", paramLabel = "<name>", description = "Show only this node.")
    String node;

    @Option(names = "--json", description = "Print the machines as one JSON object instead of the table.")
    boolean json;

    public ShowCommand(SinkSelector sinks) {
        super(sinks);
    }

    @Override
    public Integer call() {
        List<NodeOverview> nodes;
        String name;
        try (RunArguments runs = runs()) {
            RunSource source = runs.open(run);
            name = source.describe();
            nodes = RunArguments.guard(() -> RunOverview.of(source, node));
        }
        if (node != null && nodes.isEmpty()) {
            throw BackpackException.usage("node " + node + " has no documents in " + name);
        }
        print(json, () -> OverviewJson.render(name, nodes), out -> OverviewTable.print(name, nodes, out));
        return ExitCodes.OK;
    }
}
