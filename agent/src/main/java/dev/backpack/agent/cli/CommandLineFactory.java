package dev.backpack.agent.cli;

import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.contract.AgentFlags;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Set;

/**
 * Builds the {@code backpack} command line with its writers and surroundings injected; {@code main}
 * and the tests use the same path.
 */
public final class CommandLineFactory {
    static final Set<String> SUBCOMMANDS = Set.of(AgentFlags.SERVE, "show", "diff", "report");

    private CommandLineFactory() {
    }

    public static CommandLine create(CliEnvironment environment) {
        return create(environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                new SinkSelector(environment.variables()));
    }

    /** The command line for {@code main}'s arguments: {@link #forArguments} with the process's writers. */
    public static CommandLine forArguments(CliEnvironment environment, String... args) {
        return forArguments(environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                new SinkSelector(environment.variables()), args);
    }

    /**
     * The command line that {@code args} need: without the subcommands when no argument names one nor
     * asks for help (a collection, the common run), since picocli builds the model of every subcommand
     * it is given by reflecting on its annotations (about 0.03 s of CPU in a cold run); otherwise {@link #create}.
     * picocli only defers instantiating subcommands, not building their model, so this is done here.
     */
    public static CommandLine forArguments(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                           SinkSelector sinks, String... args) {
        return build(environment, out, err, sinks, needsSubcommands(args));
    }

    /** The whole command line, every subcommand included. */
    public static CommandLine create(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                     SinkSelector sinks) {
        return build(environment, out, err, sinks, true);
    }

    /**
     * A subcommand's name anywhere (root options may come before it, and a value that happens to be one
     * only costs the faster path), help (the usage lists the subcommands), or an argument file, which
     * could hold either.
     */
    static boolean needsSubcommands(String... args) {
        for (String arg : args) {
            if (SUBCOMMANDS.contains(arg) || arg.equals("--help") || arg.startsWith("@") || shortOptionsHaveH(arg)) {
                return true;
            }
        }
        return false;
    }

    // -h alone or in a cluster of short options (-vh); the letters end where an attached value starts.
    private static boolean shortOptionsHaveH(String arg) {
        if (!arg.startsWith("-") || arg.startsWith("--")) {
            return false;
        }
        int end = arg.indexOf('=');
        return arg.substring(1, end < 0 ? arg.length() : end).indexOf('h') >= 0;
    }

    private static CommandLine build(CliEnvironment environment, PrintWriter out, PrintWriter err, SinkSelector sinks,
                                     boolean withSubcommands) {
        CollectionRunner runner = new CollectionRunner();
        CommandLine root = new CommandLine(new BackpackCommand(environment, sinks, runner));
        if (withSubcommands) {
            root.addSubcommand(AgentFlags.SERVE, new ServeCommand(environment, sinks, runner))
                    .addSubcommand("show", new ShowCommand(sinks))
                    .addSubcommand("diff", new DiffCommand(sinks))
                    .addSubcommand("report", new ReportCommand(sinks));
        }
        ErrorHandler errors = new ErrorHandler();
        return root.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }
}
