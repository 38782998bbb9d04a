package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.contract.AgentFlags;
import dev.backpack.contract.RedisKeys;
import picocli.CommandLine.Option;

/** Redis de-duplication per (uuid, node), as stockpile-wrapper's --redisip/--redisport/--force. */
public final class RedisOptions {
    @Option(names = AgentFlags.REDIS_IP, paramLabel = "<host>",
            description = "Redis host used to collect once per uuid and node (with --server).")
    String redisHost;

    @Option(names = AgentFlags.REDIS_PORT, paramLabel = "<port>",
            description = "Redis port (default: " + RedisKeys.DEFAULT_PORT + ").")
    Integer redisPort;

    @Option(names = AgentFlags.FORCE, description = "Collect even if Redis says this node was already collected.")
    boolean force;

    public void validate() {
        if (redisHost != null && (redisHost.isBlank() || redisHost.chars().anyMatch(Character::isWhitespace))) {
            throw BackpackException.usage(AgentFlags.REDIS_IP + " '" + FlagValues.excerpt(redisHost)
                    + "' is not a host; give a host name or IP address, or leave the flag out");
        }
        FlagValues.requirePort(AgentFlags.REDIS_PORT, redisPort);
    }

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort == null ? RedisKeys.DEFAULT_PORT : redisPort;
    }

    public boolean force() {
        return force;
    }
}
