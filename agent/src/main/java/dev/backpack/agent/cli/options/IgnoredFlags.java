package dev.backpack.agent.cli.options;

import dev.backpack.contract.AgentFlags;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags given on the command line that the other flags make meaningless. The rule: a selection that
 * collects nothing is refused (exit 2, {@link SelectionOptions}); a flag that would be ignored is
 * warned about, one line each, and the run goes on, because stockpile-era scripts pass some of them
 * unconditionally and must keep working.
 */
public final class IgnoredFlags {
    /** One name per option: an option's names are matched together. */
    private static final List<String> SERVER_ONLY = List.of(AgentFlags.PORT, AgentFlags.CACERT,
            AgentFlags.SSL_SKIP_VERIFY, AgentFlags.USERNAME_FILE,
            AgentFlags.PASSWORD_FILE, AgentFlags.INDEX_RETRIES, AgentFlags.REDIS_IP, AgentFlags.REDIS_PORT);

    private IgnoredFlags() {
    }

    public static List<String> warnings(ParseResult parsed, ServerOptions server, RedisOptions redis, boolean serve) {
        List<String> warnings = new ArrayList<>();
        if (!server.hasServer()) {
            for (String flag : SERVER_ONLY) {
                if (parsed.hasMatchedOption(flag)) {
                    warnings.add(names(parsed, flag) + " is ignored without -s/--server: documents go to files");
                }
            }
        } else {
            if (parsed.hasMatchedOption(AgentFlags.OUTPUT)) {
                warnings.add(AgentFlags.OUTPUT + " is ignored with -s/--server: documents are indexed, not written to files");
            }
            if (!server.isHttps()) {
                for (String flag : List.of(AgentFlags.CACERT, AgentFlags.SSL_SKIP_VERIFY)) {
                    if (parsed.hasMatchedOption(flag)) {
                        warnings.add(names(parsed, flag) + " is ignored: the server address is http://, without TLS; write https:// "
                                + "in -s/--server to use TLS");
                    }
                }
            }
            if (redis.redisHost() == null && parsed.hasMatchedOption(AgentFlags.REDIS_PORT)) {
                warnings.add(AgentFlags.REDIS_PORT + " is ignored without " + AgentFlags.REDIS_IP);
            }
        }
        if (redis.redisHost() == null && parsed.hasMatchedOption(AgentFlags.FORCE)) {
            warnings.add(AgentFlags.FORCE + " is ignored without " + AgentFlags.REDIS_IP + ": every run collects");
        }
        if (!serve && parsed.hasMatchedOption(AgentFlags.LISTEN)) {
            warnings.add(AgentFlags.LISTEN + " is ignored: only 'backpack " + AgentFlags.SERVE + "' listens");
        }
        return warnings;
    }

    /** {@code -p/--port}, {@code --insecure-skip-verify/--sslskipverify}: every spelling of the option. */
    private static String names(ParseResult parsed, String flag) {
        return String.join("/", parsed.matchedOption(flag).names());
    }
}
