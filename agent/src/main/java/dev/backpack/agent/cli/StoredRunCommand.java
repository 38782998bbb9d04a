package dev.backpack.agent.cli;

import dev.backpack.agent.cli.options.ServerOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@code show}, {@code diff} and {@code report} share: they read stored runs (an output folder, or
 * a uuid on the {@code -s} server) through {@link RunArguments}, which also turns the sources' failures
 * into exit codes, take {@code --verbose}, and print a table or, with {@code --json}, one JSON line.
 */
abstract class StoredRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ServerOptions server;

    /** Read by {@link ErrorHandler} from the parse result. */
    @Option(names = "--verbose", description = "Show stack traces with errors.")
    boolean verbose;

    private final SinkSelector sinks;

    StoredRunCommand(SinkSelector sinks) {
        this.sinks = sinks;
    }

    /** Opens the runs named on the command line; closing it closes them. */
    RunArguments runs() {
        return new RunArguments(server, sinks);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The answer on stdout: one JSON line with {@code --json}, else the table. */
    void print(boolean json, Supplier<String> jsonLine, Consumer<PrintWriter> table) {
        PrintWriter out = out();
        if (json) {
            out.println(jsonLine.get());
            out.flush();
        } else {
            table.accept(out);
        }
    }
}
