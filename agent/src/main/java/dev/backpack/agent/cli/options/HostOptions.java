package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.contract.AgentFlags;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the node's /proc, /sys and /etc/os-release are: "/" on a machine, "/host" in the operator's pods. */
public final class HostOptions {
    @Option(names = AgentFlags.HOST_ROOT, paramLabel = "<dir>", defaultValue = "/",
            description = "Read the node's /proc, /sys and /etc under this folder (default: ${DEFAULT-VALUE}).")
    Path hostRoot;

    public void validate() {
        if (!Files.isDirectory(hostRoot)) {
            throw BackpackException.usage(AgentFlags.HOST_ROOT + " " + hostRoot
                    + " is not a directory; point it at the folder holding the node's proc and sys");
        }
    }

    public Path hostRoot() {
        return hostRoot;
    }
}
