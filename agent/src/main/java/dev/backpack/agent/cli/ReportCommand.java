package dev.backpack.agent.cli;

import dev.backpack.agent.cli.options.CompareOptions;
import dev.backpack.agent.compare.DiffOptions;
import dev.backpack.agent.compare.DiffReport;
import dev.backpack.agent.compare.NodeDiff;
import dev.backpack.agent.compare.NodeFacts;
import dev.backpack.agent.compare.NodeOverview;
import dev.backpack.agent.compare.NodePairing;
import dev.backpack.agent.compare.RunComparison;
import dev.backpack.agent.compare.RunOverview;
import dev.backpack.agent.compare.RunSource;
import dev.backpack.agent.compare.render.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** {@code backpack report A [B] -o report.html}: one self-contained HTML page of a run, or of two and their diff. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Writes one self-contained HTML page (opens offline): the machines of a run, and with two "
                + "runs the differences, grouped by node and module, with a summary at the top.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written (whether or not the runs differ)",
                "1:a run could not be read, or the page could not be written",
                "2:bad usage (unknown uuid or module, not an output folder, bad flag)"})
public final class ReportCommand extends StoredRunCommand {
    @Mixin
    CompareOptions compare;

    @Parameters(index = "0", paramLabel = "A", description = "The run (uuid or output folder).")
    String a;

    @Parameters(index = "1", arity = "0..1", paramLabel = "B", description = "A second run to compare with.")
    String b;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "<file>", description = "The HTML file to write.")
    Path output;

    @Option(names = "--map", paramLabel = "<a=b>", description = "Pair renamed nodes, as for diff; repeatable.")
    List<String> map = List.of();

    public ReportCommand(SinkSelector sinks) {
        super(sinks);
    }

    @Override
    public Integer call() {
        DiffOptions options = compare.diffOptions();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw BackpackException.usage("-o/--output " + output + ": folder " + parent + " does not exist");
        }
        List<NodeOverview> machinesA = new ArrayList<>();
        List<NodeOverview> machinesB = new ArrayList<>();
        DiffReport diff = null;
        String runA;
        String runB = null;
        try (RunArguments runs = runs()) {
            RunSource first = runs.open(a);
            runA = first.describe();
            if (b == null) {
                machinesA = RunArguments.guard(() -> RunOverview.of(first, null));
            } else {
                RunSource second = runs.open(b);
                runB = second.describe();
                RunArguments.requireModules(options.modules(), first, second);
                Overviews overviews = new Overviews(machinesA, machinesB);
                NodePairing pairing = new NodePairing(DiffCommand.renames(map), null);
                diff = RunArguments.guard(() -> new RunComparison(options).compare(first, second, pairing, true, overviews));
            }
        }
        write(runA, machinesA, runB, b == null ? null : machinesB, diff);
        out().println(output + (diff == null ? "" : ": " + diff.summary()));
        out().flush();
        return ExitCodes.OK;
    }

    private void write(String runA, List<NodeOverview> machinesA, String runB, List<NodeOverview> machinesB,
                       DiffReport diff) {
        Path temporary = output.resolveSibling(output.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                HtmlReport.write(runA, machinesA, runB, machinesB, diff, out);
            }
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw BackpackException.failure("cannot write " + output + ": " + e.getMessage());
        }
    }

    /** The machines' headlines, taken while the comparison has each node's facts in hand. */
    private static final class Overviews implements RunComparison.Listener {
        private final List<NodeOverview> a;
        private final List<NodeOverview> b;
        private NodeFacts clusterA = new NodeFacts(NodeDiff.CLUSTER);
        private NodeFacts clusterB = new NodeFacts(NodeDiff.CLUSTER);

        Overviews(List<NodeOverview> a, List<NodeOverview> b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void cluster(NodeFacts factsA, NodeFacts factsB) {
            clusterA = factsA;
            clusterB = factsB;
        }

        @Override
        public void node(NodeFacts factsA, NodeFacts factsB, NodeDiff diff) {
            if (factsA != null) {
                a.add(NodeOverview.of(factsA, clusterA));
            }
            if (factsB != null) {
                b.add(NodeOverview.of(factsB, clusterB));
            }
        }
    }
}
