package dev.backpack.agent.cli;

import dev.backpack.agent.compare.NodeOverview;
import dev.backpack.agent.compare.RunOverview;
import dev.backpack.agent.compare.RunSource;
import dev.backpack.agent.compare.render.OverviewJson;
import dev.backpack.agent.compare.render.OverviewTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code backpack show RUN}: the headline facts of each machine of one run. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Shows the machines of one run (a uuid read from -s, or an output folder): per node CPU, "
                + "sockets/cores/threads, memory, kernel, OS, NICs, disks, BIOS, CPU vulnerabilities, Kubernetes "
                + "version and node labels.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the run could not be read (server unreachable, unreadable file)",
                "2:bad usage (unknown uuid or node, not an output folder, bad flag)"})
public final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ServerOptions server;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run: uuid or output folder.")
    String run;

    @Option(names = "--node", paramLabel = "<name>", description = "Show only this node.")
    String node;

    @Option(names = "--json", description = "Print the machines as one JSON object instead of the table.")
    boolean json;

    @Option(names = "--verbose", description = "Show stack traces with errors.")
    boolean verbose;

    private final SinkSelector sinks;

    public ShowCommand(SinkSelector sinks) {
        this.sinks = sinks;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<NodeOverview> nodes;
        String name;
        try (RunArguments runs = new RunArguments(server, sinks)) {
            RunSource source = runs.open(run);
            name = source.describe();
            nodes = RunArguments.guard(() -> RunOverview.of(source, node));
        }
        if (node != null && nodes.isEmpty()) {
            throw BackpackException.usage("node " + node + " has no documents in " + name);
        }
        if (json) {
            out.println(OverviewJson.render(name, nodes));
            out.flush();
        } else {
            OverviewTable.print(name, nodes, out);
        }
        return ExitCodes.OK;
    }
}
