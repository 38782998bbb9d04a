package dev.backpack.agent.cli;

import dev.backpack.agent.AgentVersion;
import dev.backpack.agent.cli.output.Interruption;
import dev.backpack.agent.cli.output.ProgressPrinter;
import dev.backpack.agent.cli.output.RunSummaryJsonOutput;
import dev.backpack.agent.cli.output.SummaryTable;
import dev.backpack.agent.dedup.ClaimedRun;
import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.ModuleStatus;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.summary.SummaryJson;
import dev.backpack.agent.summary.TerminationLog;
import dev.backpack.agent.summary.TerminationSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code backpack}: collect this node's metadata once and deliver it (to files, or to a server with
 * {@code -s}). Accepts upstream stockpile-wrapper's flags so existing scripts keep working.
 */
@Command(name = "backpack", mixinStandardHelpOptions = true, versionProvider = BackpackCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Collects this node's metadata (CPU, memory, sysctl, PCI, DMI, NICs, disks, kernel, "
                + "Kubernetes and OpenShift facts) once and writes it to files, or indexes it with -s.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all requested modules collected (skips are fine) and delivered, or already collected "
                + "for this uuid and node (Redis); also after a failure with --optional",
                "1:a module's collection or the delivery failed",
                "2:bad usage (unknown flag or tag, malformed value)"})
public final class BackpackCommand extends AgentCommand implements Callable<Integer> {

    public BackpackCommand(CliEnvironment environment, SinkSelector sinks, CollectionRunner runner) {
        super(environment, sinks, runner);
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.forArguments(CliEnvironment.system(), args).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Prepared prepared = prepare();
        if (prepared.uuidGenerated() && !output.json()) {
            out.println("uuid: " + prepared.uuid() + " (generated)");
            out.flush();
        }
        RunSettings settings = settings(prepared, prepared.uuid());
        ClaimedRun.Result result;
        String target;
        try (DocumentSink sink = sinks.select(server, redis, prepared.outputDirectory())) {
            target = sink.describe();
            Interruption interruption = new Interruption(new ProgressPrinter(err, environment.interactive()), sink,
                    settings.uuid(), settings.nodeName(), err, terminationLog());
            interruption.arm();
            try {
                result = new ClaimedRun(runner).run(settings, sink, redisSettings(), redis.force(), interruption);
            } finally {
                interruption.disarm();
            }
        }
        TerminationSummary terminationSummary = result.terminationSummary(target, settings);
        TerminationLog log = terminationLog();
        if (log != null) {
            log.write(terminationSummary);
        }
        if (result.skipped()) {
            if (output.json()) {
                out.println(SummaryJson.toLine(terminationSummary));
            } else {
                out.println("skipped: " + result.claim().reason() + " (Redis); use --force to collect again");
            }
            out.flush();
            markReady();
            return ExitCodes.OK;
        }
        RunSummary summary = result.summary();
        String outputShown = server.hasServer() ? null
                : prepared.outputDirectory().toAbsolutePath().normalize().toString();
        if (output.json()) {
            RunSummaryJsonOutput.print(summary, prepared.uuidGenerated(), outputShown, out);
        } else {
            SummaryTable.print(summary, out);
        }
        if (summary.ok()) {
            markReady();
            return ExitCodes.OK;
        }
        err.println("backpack: " + failureLine(summary) + (lifecycle.optional() ? " (ignored: --optional)" : ""));
        err.flush();
        return terminationSummary.exitCode(lifecycle.optional());
    }

    static String failureLine(RunSummary summary) {
        if (!summary.collectionOk()) {
            return "collection failed for " + summary.modules().stream()
                    .filter(m -> m.status() == ModuleStatus.ERROR)
                    .map(m -> m.module().moduleName() + " (" + m.reason() + ")")
                    .collect(Collectors.joining(", "));
        }
        if (summary.deliveryError() != null) {
            return "delivery to " + summary.target() + " failed: " + summary.deliveryError();
        }
        String firstReason = summary.delivery().modules().values().stream()
                .flatMap(m -> m.failed().stream()).map(f -> ": " + f.reason()).findFirst().orElse("");
        return "delivery to " + summary.target() + " failed for " + summary.delivery().failedCount() + " documents"
                + (summary.delivery().rawDelivered() ? "" : " and the raw result") + firstReason;
    }

    private void markReady() {
        Path ready = lifecycle.readyFile();
        if (ready == null) {
            return;
        }
        try {
            Files.writeString(ready, "ready\n");
        } catch (IOException e) {
            throw BackpackException.failure("cannot create --ready-file " + ready + ": " + e.getMessage());
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"backpack " + AgentVersion.current()};
        }
    }
}
