package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.contract.AgentFlags;
import picocli.CommandLine.Option;

/** Who is collecting: the benchmark uuid, the node and the pod (stockpile-wrapper's -u, -n, -N). */
public final class IdentityOptions {
    /** Room for any benchmark id (a uuid has 36 characters) while still naming a folder and a Redis key. */
    static final int MAX_UUID_LENGTH = 128;

    @Option(names = {AgentFlags.UUID_SHORT, AgentFlags.UUID}, paramLabel = "<uuid>",
            description = "Benchmark uuid stamped on every document; generated and printed when missing.")
    String uuid;

    @Option(names = {AgentFlags.NODENAME_SHORT, AgentFlags.NODENAME}, paramLabel = "<node>",
            description = "Node name, the documents' host and node_name (default: this host's name).")
    String nodeName;

    @Option(names = {AgentFlags.PODNAME_SHORT, AgentFlags.PODNAME}, paramLabel = "<pod>", description = "Pod name stamped on documents.")
    String podName;

    /** @throws BackpackException (usage) naming the flag whose value cannot be a uuid, node or pod name */
    public void validate() {
        FlagValues.requireText("-u/--uuid", uuid, MAX_UUID_LENGTH);
        FlagValues.requireName("-n/--nodename", nodeName);
        FlagValues.requireName("-N/--podname", podName);
    }

    public String uuid() {
        return uuid;
    }

    public String nodeName() {
        return nodeName;
    }

    public String podName() {
        return podName;
    }
}
