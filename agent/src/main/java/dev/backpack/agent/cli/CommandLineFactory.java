package dev.backpack.agent.cli;

import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.contract.AgentFlags;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Builds the {@code backpack} command line with its writers and surroundings injected; {@code main}
 * and the tests use the same path.
 */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    public static CommandLine create(CliEnvironment environment) {
        return create(environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                new SinkSelector(environment.variables()));
    }

    public static CommandLine create(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                     SinkSelector sinks) {
        CollectionRunner runner = new CollectionRunner();
        BackpackCommand root = new BackpackCommand(environment, sinks, runner);
        ErrorHandler errors = new ErrorHandler();
        return new CommandLine(root)
                .addSubcommand(AgentFlags.SERVE, new ServeCommand(environment, sinks, runner))
                .addSubcommand("show", new ShowCommand(sinks))
                .addSubcommand("diff", new DiffCommand(sinks))
                .addSubcommand("report", new ReportCommand(sinks))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

}
