package dev.backpack.agent.cli;

import dev.backpack.agent.cli.output.ProgressPrinter;
import dev.backpack.agent.dedup.ClaimedRun;
import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.serve.AgentServer;
import dev.backpack.agent.serve.CollectAndDeliver;
import dev.backpack.agent.serve.ListenAddress;
import dev.backpack.agent.serve.ServeSettings;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.summary.SummaryJson;
import dev.backpack.agent.summary.TerminationLog;
import dev.backpack.agent.summary.TerminationSummary;
import dev.backpack.contract.AgentFlags;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code backpack serve}: the DaemonSet agent. Same flags as {@code backpack}; collects and indexes at
 * start, is Ready ({@code /readyz}) only after that, and stays up for {@code POST /collect} until the
 * pod is deleted (SIGTERM lets an in-flight collection finish).
 */
@Command(name = AgentFlags.SERVE, mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Collects and indexes once at start, then serves " + AgentFlags.HEALTHZ + ", "
                + AgentFlags.READYZ + " (200 after the first successful run) and POST " + AgentFlags.COLLECT
                + "[?uuid=...] (one more collection) until stopped.")
public final class ServeCommand extends AgentCommand implements Callable<Integer> {

    public ServeCommand(CliEnvironment environment, SinkSelector sinks, CollectionRunner runner) {
        super(environment, sinks, runner);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Prepared prepared = prepare();
        ServeSettings settings = ServeSettings.defaults();
        if (lifecycle.listen() != null) {
            try {
                settings = settings.withListen(ListenAddress.parse(lifecycle.listen()));
            } catch (IllegalArgumentException e) {
                throw BackpackException.usage(e.getMessage());
            }
        }
        Path readyFile = lifecycle.readyFile() != null ? lifecycle.readyFile() : Path.of(AgentFlags.DEFAULT_READY_FILE);
        settings = settings.withReadyFile(readyFile);
        if (prepared.uuidGenerated()) {
            out.println("uuid: " + prepared.uuid() + " (generated)");
            out.flush();
        }
        ClaimedRun claimed = new ClaimedRun(runner);
        // The same per-module lines as a piped `backpack`: which module a slow or stuck run is in, and its timings.
        ProgressPrinter progress = new ProgressPrinter(spec.commandLine().getErr(), false);
        try (DocumentSink sink = sinks.select(server, redis, prepared.outputDirectory())) {
            CollectAndDeliver collection = (uuid, adHoc) -> {
                RunSettings runSettings = settings(prepared, uuid == null ? prepared.uuid() : uuid);
                ClaimedRun.Result result = claimed.run(runSettings, sink, redisSettings(), adHoc || redis.force(),
                        progress);
                TerminationSummary summary = result.terminationSummary(sink.describe(), runSettings);
                // The last run's summary is what Kubernetes shows should the container ever end.
                TerminationLog log = terminationLog();
                if (log != null) {
                    log.write(summary);
                }
                synchronized (out) {
                    out.println(SummaryJson.toLine(summary));
                    out.flush();
                }
                return summary;
            };
            AgentServer agentServer = new AgentServer(settings, collection);
            try {
                agentServer.start();
            } catch (UncheckedIOException e) {
                throw BackpackException.failure(e.getMessage());
            }
            agentServer.serveUntilShutdown();
        }
        return ExitCodes.OK;
    }
}
