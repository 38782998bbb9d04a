package dev.backpack.operator;

import dev.backpack.contract.AgentImage;
import dev.backpack.contract.RedisKeys;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator's configuration, read once from the environment in {@code main} and passed down; nothing
 * deeper reads environment variables.
 *
 * @param watchNamespaces        namespaces to watch; empty = all namespaces
 * @param agentImage             agent image used when a Benchmark names none
 * @param redisHost              Redis Service the agents use for de-duplication; empty = no Redis flags
 * @param templateDirs           extra template roots (one sub-directory per workload), searched before the built-ins
 * @param daemonSetReadyTimeout  how long DaemonSet agents may take to become Ready before the Benchmark fails
 */
public record OperatorConfig(Set<String> watchNamespaces, String agentImage, String redisHost, int redisPort,
                             List<Path> templateDirs, boolean leaderElection, String leaseNamespace,
                             Duration daemonSetReadyTimeout, int probePort) {
    public static final String WATCH_NAMESPACES = "BACKPACK_WATCH_NAMESPACES";
    public static final String AGENT_IMAGE = "BACKPACK_AGENT_IMAGE";
    public static final String REDIS_HOST = "BACKPACK_REDIS_HOST";
    public static final String REDIS_PORT = "BACKPACK_REDIS_PORT";
    public static final String TEMPLATE_DIR = "BACKPACK_TEMPLATE_DIR";
    public static final String LEADER_ELECTION = "BACKPACK_LEADER_ELECTION";
    public static final String LEASE_NAMESPACE = "BACKPACK_LEASE_NAMESPACE";
    public static final String DAEMONSET_READY_TIMEOUT = "BACKPACK_DAEMONSET_READY_TIMEOUT";
    public static final String PROBE_PORT = "BACKPACK_PROBE_PORT";

    public static final Duration DEFAULT_DAEMONSET_READY_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_PROBE_PORT = 8081;
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    public OperatorConfig {
        watchNamespaces = Set.copyOf(watchNamespaces);
        templateDirs = List.copyOf(templateDirs);
        redisHost = redisHost == null ? "" : redisHost;
    }

    /** Every default: all namespaces, the default agent image, no Redis, no extra templates. */
    public static OperatorConfig defaults() {
        return fromEnv(Map.of());
    }

    /** Reads the {@code BACKPACK_*} variables; a bad value throws with the variable's name and the fix. */
    public static OperatorConfig fromEnv(Map<String, String> env) {
        return new OperatorConfig(
                split(env.get(WATCH_NAMESPACES)).collect(Collectors.toSet()),
                nonBlank(env.get(AGENT_IMAGE), AgentImage.DEFAULT),
                nonBlank(env.get(REDIS_HOST), ""),
                port(REDIS_PORT, env.get(REDIS_PORT), RedisKeys.DEFAULT_PORT),
                split(env.get(TEMPLATE_DIR)).map(Path::of).toList(),
                bool(LEADER_ELECTION, env.get(LEADER_ELECTION)),
                nonBlank(env.get(LEASE_NAMESPACE), ""),
                duration(DAEMONSET_READY_TIMEOUT, env.get(DAEMONSET_READY_TIMEOUT)),
                port(PROBE_PORT, env.get(PROBE_PORT), DEFAULT_PROBE_PORT));
    }

    public boolean redisEnabled() {
        return !redisHost.isBlank();
    }

    public boolean watchesAllNamespaces() {
        return watchNamespaces.isEmpty();
    }

    public OperatorConfig withAgentImage(String image) {
        return new OperatorConfig(watchNamespaces, image, redisHost, redisPort, templateDirs, leaderElection,
                leaseNamespace, daemonSetReadyTimeout, probePort);
    }

    public OperatorConfig withRedis(String host, int port) {
        return new OperatorConfig(watchNamespaces, agentImage, host, port, templateDirs, leaderElection,
                leaseNamespace, daemonSetReadyTimeout, probePort);
    }

    public OperatorConfig withTemplateDirs(List<Path> dirs) {
        return new OperatorConfig(watchNamespaces, agentImage, redisHost, redisPort, dirs, leaderElection,
                leaseNamespace, daemonSetReadyTimeout, probePort);
    }

    public OperatorConfig withDaemonSetReadyTimeout(Duration timeout) {
        return new OperatorConfig(watchNamespaces, agentImage, redisHost, redisPort, templateDirs, leaderElection,
                leaseNamespace, timeout, probePort);
    }

    public OperatorConfig withWatchNamespaces(Set<String> namespaces) {
        return new OperatorConfig(namespaces, agentImage, redisHost, redisPort, templateDirs, leaderElection,
                leaseNamespace, daemonSetReadyTimeout, probePort);
    }

    private static java.util.stream.Stream<String> split(String value) {
        return value == null ? java.util.stream.Stream.empty()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int port(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new ConfigException(name + "=" + value + " is not a port; use a number from 1 to 65535");
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + "=" + value + " is not a boolean; use true or false");
        };
    }

    static Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DAEMONSET_READY_TIMEOUT;
        }
        String v = value.strip();
        Matcher m = SHORT_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else {
            try {
                d = Duration.parse(v);
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(name + "=" + value
                    + " is not a duration; use e.g. 10m, 90s, 1h or ISO-8601 PT10M");
        }
        return d;
    }
}
