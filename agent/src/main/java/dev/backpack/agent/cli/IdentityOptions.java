package dev.backpack.agent.cli;

import picocli.CommandLine.Option;

/** Who is collecting: the benchmark uuid, the node and the pod (stockpile-wrapper's -u, -n, -N). */
public final class IdentityOptions {
    @Option(names = {"-u", "--uuid"}, paramLabel = "<uuid>",
            description = "Benchmark uuid stamped on every document; generated and printed when missing.")
    String uuid;

    @Option(names = {"-n", "--nodename"}, paramLabel = "<node>",
            description = "Node name, the documents' host and node_name (default: this host's name).")
    String nodeName;

    @Option(names = {"-N", "--podname"}, paramLabel = "<pod>", description = "Pod name stamped on documents.")
    String podName;

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
