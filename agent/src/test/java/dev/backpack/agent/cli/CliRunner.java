package dev.backpack.agent.cli;

import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.CommandRunner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the real {@code backpack} command line as {@code main} builds it, with captured writers and no cluster. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
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
        return new CliEnvironment(interactive, Map.of(), timeout -> KubernetesAccess.none("no cluster in tests"),
                NO_TOOLS, () -> "test-host", "amd64");
    }

    static Result run(String... args) {
        return run(environment(false), args);
    }

    static Result run(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineFactory.forArguments(environment, new PrintWriter(out), new PrintWriter(err),
                new SinkSelector(), args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private CliRunner() {
    }
}
