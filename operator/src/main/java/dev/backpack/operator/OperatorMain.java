package dev.backpack.operator;

import dev.backpack.operator.probes.Leadership;
import dev.backpack.operator.probes.ProbeServer;
import dev.backpack.operator.render.RenderCommand;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code backpack-operator}: with no subcommand runs the operator (configured by the {@code BACKPACK_*}
 * environment variables); {@code render} prints what it would create for a Benchmark.
 */
@Command(name = "backpack-operator", mixinStandardHelpOptions = true, subcommands = RenderCommand.class,
        description = "Reconciles Benchmarks: renders workloads, collects node metadata.")
public class OperatorMain implements Callable<Integer>, RenderCommand.ConfigSource {
    private final Map<String, String> env;

    public OperatorMain(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        OperatorConfig config = config();
        Leadership leadership = new Leadership(config.leaderElection());
        Operator operator = BackpackOperator.create(config, new KubernetesClientBuilder().build(), leadership, true,
                Clock.systemUTC());
        operator.installShutdownHook(Duration.ofSeconds(10));
        operator.start();
        ProbeServer.start(config.probePort(), operator.getRuntimeInfo(), leadership);
        Thread.currentThread().join();
        return ExitCodes.OK;
    }

    @Override
    public OperatorConfig config() {
        return OperatorConfig.fromEnv(env);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return e == root || e.getMessage() == null ? message : e.getMessage().lines().findFirst().orElse("") + ": " + message;
    }

    /** The CLI with one handler for configuration mistakes: a single line, exit code 2. */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new OperatorMain(env));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof ConfigException) {
                command.getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
            // e.g. no reachable API server: one line on stderr; the operator's log has the details
            LoggerFactory.getLogger(OperatorMain.class).debug("operator failed", e);
            command.getErr().println("backpack-operator: " + rootMessage(e));
            return ExitCodes.FAILURE;
        });
        return cli;
    }
}
