package dev.backpack.agent.cli;

import dev.backpack.contract.AgentFlags;
import dev.backpack.contract.RedisKeys;
import picocli.CommandLine.Option;

/** Redis de-duplication per (uuid, node), as stockpile-wrapper's --redisip/--redisport/--force. */
public final class RedisOptions {
    @Option(names = AgentFlags.REDIS_IP, paramLabel = "<host>",
            description = "Redis host used to collect once per uuid and node (with --server).")
    String redisHost;

    @Option(names = AgentFlags.REDIS_PORT, paramLabel = "<port>", defaultValue = "" + RedisKeys.DEFAULT_PORT,
            description = "Redis port (default: ${DEFAULT-VALUE}).")
    int redisPort;

    @Option(names = AgentFlags.FORCE, description = "Collect even if Redis says this node was already collected.")
    boolean force;

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    public boolean force() {
        return force;
    }
}
