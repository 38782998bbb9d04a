package dev.backpack.agent.cli;

import dev.backpack.agent.AgentVersion;
import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.ModuleStatus;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.TagSelection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
        exitCodeList = {"0:all requested modules collected (skips are fine) and delivered",
                "1:a module's collection or the delivery failed",
                "2:bad usage (unknown flag or tag, malformed value)"})
public final class BackpackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    IdentityOptions identity;
    @Mixin
    SelectionOptions selectionOptions;
    @Mixin
    ServerOptions server;
    @Mixin
    RedisOptions redis;
    @Mixin
    HostOptions hostOptions;
    @Mixin
    OutputOptions output;
    @Mixin
    LifecycleOptions lifecycle;

    private final CliEnvironment environment;
    private final SinkSelector sinks;
    private final CollectionRunner runner;

    public BackpackCommand(CliEnvironment environment, SinkSelector sinks, CollectionRunner runner) {
        this.environment = environment;
        this.sinks = sinks;
        this.runner = runner;
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create(CliEnvironment.system()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TagSelection selection = selectionOptions.selection();
        Path hostRoot = hostOptions.hostRoot();
        validate(hostRoot);
        boolean generated = identity.uuid() == null;
        String uuid = generated ? UUID.randomUUID().toString() : identity.uuid();
        String node = identity.nodeName() != null ? identity.nodeName()
                : NodeNames.resolve(new HostPaths(hostRoot), environment.hostname());
        Path outputDirectory = output.output() != null ? output.output() : defaultOutput(uuid);
        if (generated && !output.json()) {
            out.println("uuid: " + uuid + " (generated)");
            out.flush();
        }
        RunSettings settings = new RunSettings(uuid, node, identity.podName(), hostRoot, selection,
                environment.kubernetes().apply(server.timeout()), environment.commands(),
                CollectorCatalog.machineOf(environment.osArch()));
        RunSummary summary;
        SinkRequest request = new SinkRequest(server, redis, lifecycle, outputDirectory, uuid, node, environment);
        try (DocumentSink sink = sinks.select(request)) {
            summary = runner.run(settings, sink, new ProgressPrinter(err, environment.interactive()));
        }
        String outputShown = server.hasServer() ? null : outputDirectory.toAbsolutePath().normalize().toString();
        if (output.json()) {
            JsonSummary.print(summary, generated, outputShown, out);
        } else {
            SummaryTable.print(summary, out);
        }
        if (summary.ok()) {
            markReady();
            return ExitCodes.OK;
        }
        String failure = failureLine(summary);
        err.println("backpack: " + failure + (lifecycle.optional() ? " (ignored: --optional)" : ""));
        err.flush();
        writeTerminationLog(failure);
        return lifecycle.optional() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Usage errors found before anything is collected (exit 2). */
    private void validate(Path hostRoot) {
        if (!Files.isDirectory(hostRoot)) {
            throw BackpackException.usage("--host-root " + hostRoot
                    + " is not a directory; point it at the folder holding the node's proc and sys");
        }
        requireNotBlank(identity.uuid(), "-u/--uuid");
        requireNotBlank(identity.nodeName(), "-n/--nodename");
        if (server.indexRetries() < 0) {
            throw BackpackException.usage("--index-retries must be 0 or more, got " + server.indexRetries());
        }
    }

    /** {@code ./backpack-output/<uuid>/}; a uuid that is not a plain folder name must not escape it. */
    static Path defaultOutput(String uuid) {
        if (uuid.equals(".") || uuid.equals("..") || uuid.contains("/") || uuid.contains("\\")) {
            throw BackpackException.usage("-u/--uuid '" + uuid + "' cannot name the output folder; pass --output");
        }
        return Path.of("backpack-output", uuid);
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
        return "delivery to " + summary.target() + " failed for " + summary.delivery().failedCount() + " documents"
                + (summary.delivery().rawDelivered() ? "" : " and the raw result");
    }

    private static void requireNotBlank(String value, String flag) {
        if (value != null && value.isBlank()) {
            throw BackpackException.usage(flag + " must not be empty");
        }
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

    /** Best effort: the message is already on stderr; a missing folder must not hide the real failure. */
    void writeTerminationLog(String message) {
        Path log = lifecycle == null ? null : lifecycle.terminationLog();
        if (log == null) {
            return;
        }
        try {
            Files.writeString(log, message + "\n");
        } catch (IOException e) {
            // stderr already carries the message
        }
    }

    boolean verbose() {
        return output != null && output.verbose();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"backpack " + AgentVersion.current()};
        }
    }
}
