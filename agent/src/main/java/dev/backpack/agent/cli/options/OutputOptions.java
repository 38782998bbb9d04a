package dev.backpack.agent.cli.options;

import dev.backpack.contract.AgentFlags;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How results are shown and where files go when no server is given. */
public final class OutputOptions {
    @Option(names = AgentFlags.OUTPUT, paramLabel = "<dir>",
            description = "Folder for the NDJSON files when no server is given (default: ./backpack-output/<uuid>/).")
    Path output;

    @Option(names = AgentFlags.JSON, description = "Print a machine-readable JSON summary instead of the table.")
    boolean json;

    @Option(names = AgentFlags.VERBOSE, description = "Show stack traces with errors, also of failures the run reports in one line (a module, a delivery).")
    boolean verbose;

    public Path output() {
        return output;
    }

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }
}
