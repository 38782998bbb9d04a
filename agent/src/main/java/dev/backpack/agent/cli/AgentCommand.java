package dev.backpack.agent.cli;

import dev.backpack.agent.cli.options.HostOptions;
import dev.backpack.agent.cli.options.IdentityOptions;
import dev.backpack.agent.cli.options.IgnoredFlags;
import dev.backpack.agent.cli.options.LifecycleOptions;
import dev.backpack.agent.cli.options.NodeNames;
import dev.backpack.agent.cli.options.OutputFolder;
import dev.backpack.agent.cli.options.OutputOptions;
import dev.backpack.agent.cli.options.RedisOptions;
import dev.backpack.agent.cli.options.SelectionOptions;
import dev.backpack.agent.cli.options.ServerOptions;
import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.dedup.RedisSettings;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.logging.AgentLogging;
import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.summary.TerminationLog;
import dev.backpack.agent.summary.TerminationSummary;
import dev.backpack.contract.TagSelection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The flags and preparation {@code backpack} (collect once) and {@code backpack serve} share: the same
 * options, validated the same way, turned into run settings for a uuid.
 */
abstract class AgentCommand {

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

    final CliEnvironment environment;
    final SinkSelector sinks;
    final CollectionRunner runner;

    AgentCommand(CliEnvironment environment, SinkSelector sinks, CollectionRunner runner) {
        this.environment = environment;
        this.sinks = sinks;
        this.runner = runner;
    }

    /** Everything checked before anything is collected; user mistakes end here with exit code 2. */
    record Prepared(String uuid, boolean uuidGenerated, String nodeName, TagSelection selection, Path hostRoot,
                    Path outputDirectory) {
    }

    Prepared prepare() {
        if (verbose()) {
            AgentLogging.verbose();
        }
        identity.validate();
        TagSelection selection = selectionOptions.selection();
        hostOptions.validate();
        server.validate();
        redis.validate();
        lifecycle.validate();
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : IgnoredFlags.warnings(spec.commandLine().getParseResult(), server, redis,
                this instanceof ServeCommand)) {
            err.println("backpack: warning: " + warning);
        }
        err.flush();
        Path hostRoot = hostOptions.hostRoot();
        boolean generated = identity.uuid() == null;
        String uuid = generated ? UUID.randomUUID().toString() : identity.uuid();
        String node = identity.nodeName() != null ? identity.nodeName()
                : NodeNames.resolve(new HostPaths(hostRoot), environment.hostname());
        Path outputDirectory = output.output() != null ? output.output() : defaultOutput(uuid);
        if (!server.hasServer()) {
            OutputFolder.prepare(outputDirectory);
        }
        return new Prepared(uuid, generated, node, selection, hostRoot, outputDirectory);
    }

    /** {@code ./backpack-output/<uuid>/}; a uuid that is not a plain folder name must not escape it. */
    static Path defaultOutput(String uuid) {
        if (uuid.equals(".") || uuid.equals("..") || uuid.contains("/") || uuid.contains("\\")) {
            throw BackpackException.usage("-u/--uuid '" + uuid + "' cannot name the output folder; pass --output");
        }
        return Path.of("backpack-output", uuid);
    }

    RunSettings settings(Prepared prepared, String uuid) {
        return new RunSettings(uuid, prepared.nodeName(), identity.podName(), prepared.hostRoot(),
                prepared.selection(), environment.kubernetes().apply(server.timeout()), environment.commands(),
                CollectorCatalog.machineOf(environment.osArch()));
    }

    /**
     * Redis de-duplicates only runs that index into a server: the claim's "Metadata-Exists" is checked
     * against the index, which files do not have.
     */
    Optional<RedisSettings> redisSettings() {
        if (redis.redisHost() == null || redis.redisHost().isBlank() || !server.hasServer()) {
            return Optional.empty();
        }
        return Optional.of(RedisSettings.forRun(redis.redisHost(), redis.redisPort(), server.timeout()));
    }

    TerminationLog terminationLog() {
        Path path = lifecycle.terminationLog();
        return path == null ? null : new TerminationLog(path);
    }

    /** Best effort, for failures that stop the command before a run summary exists. */
    void writeTerminationLog(String message) {
        TerminationLog log = lifecycle == null ? null : terminationLog();
        if (log != null) {
            log.write(TerminationSummary.failedBeforeDelivery(identity == null ? null : identity.uuid(),
                    identity == null ? null : identity.nodeName(), null, message, Duration.ZERO));
        }
    }

    boolean verbose() {
        return output != null && output.verbose();
    }
}
