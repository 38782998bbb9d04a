package dev.backpack.agent.cli;

import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.CommandRunner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the real {@code backpack} command line in-process, as {@code main} builds it, with captured writers, no cluster and no
 * external tools. Shared with the e2e module through the agent's test-jar.
 */
public final class CliRunner {
    public record Result(int exitCode, String out, String err) {
    }

    static final CommandRunner NO_TOOLS = new CommandRunner() {
        @Override
        public Optional<String> find(String executable) {
            return Optional.empty();
        }

        @Override
        public String run(List<String> command, Duration timeout) throws CommandFailedException {
            throw new CommandFailedException("no tools in tests");
        }
    };

    static CliEnvironment environment(boolean interactive) {
        return environment(interactive, Map.of());
    }

    private static CliEnvironment environment(boolean interactive, Map<String, String> variables) {
        return new CliEnvironment(interactive, variables, timeout -> KubernetesAccess.none("no cluster in tests"),
                NO_TOOLS, () -> "test-host", "amd64");
    }

    public static Result run(String... args) {
        return run(environment(false), args);
    }

    /** As a user with these environment variables set would run it (e.g. {@code BACKPACK_ES_PASSWORD}). */
    public static Result run(Map<String, String> variables, String... args) {
        return run(environment(false, variables), new SinkSelector(variables), args);
    }

    static Result run(CliEnvironment environment, String... args) {
        return run(environment, new SinkSelector(), args);
    }

    private static Result run(CliEnvironment environment, SinkSelector sinks, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineFactory.forArguments(environment, new PrintWriter(out), new PrintWriter(err),
                sinks, args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private CliRunner() {
    }
}
