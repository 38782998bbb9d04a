package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.contract.AgentFlags;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** How the agent reports back to Kubernetes: termination message, readiness file, serve address. */
public final class LifecycleOptions {
    @Option(names = AgentFlags.OPTIONAL,
            description = "Report failures but exit 0, so an init container never blocks the workload.")
    boolean optional;

    @Option(names = AgentFlags.TERMINATION_LOG, paramLabel = "<file>", defaultValue = AgentFlags.DEFAULT_TERMINATION_LOG,
            description = "Write the run's one-line JSON summary here, success or failure; Kubernetes shows it as the "
                    + "container's termination message (default: ${DEFAULT-VALUE}; skipped when its folder is missing).")
    Path terminationLog;

    @Option(names = AgentFlags.READY_FILE, paramLabel = "<file>",
            description = "Create this file once the documents are delivered (readiness for exec probes; "
                    + "serve: default " + AgentFlags.DEFAULT_READY_FILE + ", holds the summary).")
    Path readyFile;

    @Option(names = AgentFlags.LISTEN, paramLabel = "<[host:]port>",
            description = "Address of the HTTP endpoints of 'backpack serve' (default port " + AgentFlags.DEFAULT_SERVE_PORT + ").")
    String listen;

    /** Files written at the end of a run must be writable places, known before anything is collected. */
    public void validate() {
        if (terminationLog != null && Files.isDirectory(terminationLog)) {
            throw BackpackException.usage(AgentFlags.TERMINATION_LOG + " " + terminationLog
                    + " is a folder; give a file path");
        }
        if (readyFile != null) {
            Path folder = readyFile.toAbsolutePath().getParent();
            if (Files.isDirectory(readyFile)) {
                throw BackpackException.usage(AgentFlags.READY_FILE + " " + readyFile + " is a folder; give a file path");
            }
            if (folder != null && !Files.isDirectory(folder)) {
                throw BackpackException.usage(AgentFlags.READY_FILE + " " + readyFile + ": the folder " + folder
                        + " does not exist; create it or choose another path");
            }
        }
    }

    public boolean optional() {
        return optional;
    }

    public Path terminationLog() {
        return terminationLog;
    }

    public Path readyFile() {
        return readyFile;
    }

    public String listen() {
        return listen;
    }
}
