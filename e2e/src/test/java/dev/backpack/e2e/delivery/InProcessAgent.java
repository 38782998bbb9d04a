package dev.backpack.e2e.delivery;

import dev.backpack.agent.cli.CliEnvironment;
import dev.backpack.agent.cli.CommandLineFactory;
import dev.backpack.agent.cli.SinkSelector;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.CommandRunner;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's real command line, run in-process on a captured host (no cluster, no external tools), as
 * a user would type it: exit code, stdout and stderr.
 */
final class InProcessAgent {
    /** A captured host from the agent module's fixtures; the e2e module runs in its own folder. */
    static final Path HOST = Path.of("../agent/src/test/resources/hosts/firecracker-vm").toAbsolutePath();

    private InProcessAgent() {
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result run(Map<String, String> env, String... args) {
        CliEnvironment environment = new CliEnvironment(false, env,
                timeout -> KubernetesAccess.none("no cluster in e2e"), new CommandRunner() {
                    @Override
                    public Optional<String> find(String executable) {
                        return Optional.empty();
                    }

                    @Override
                    public String run(List<String> command, Duration timeout) throws CommandFailedException {
                        throw new CommandFailedException("no tools in e2e");
                    }
                }, () -> "e2e-host", "amd64");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineFactory.create(environment, new PrintWriter(out), new PrintWriter(err),
                new SinkSelector(env)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
