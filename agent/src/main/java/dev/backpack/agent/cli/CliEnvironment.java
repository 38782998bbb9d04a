package dev.backpack.agent.cli;

import dev.backpack.agent.collector.k8s.KubeconfigAccess;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.CommandRunner;
import dev.backpack.agent.host.ProcessCommandRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the command line takes from its surroundings, read once in {@code main} and injected, so tests
 * can run the real command without a terminal, a cluster or the caller's environment.
 *
 * @param interactive whether stderr is a terminal (progress redraws one line) or piped (plain lines)
 * @param kubernetes  how to reach the cluster, given the request timeout
 * @param hostname    this machine's name as the JVM sees it (may be slow; called only as a fallback)
 */
public record CliEnvironment(boolean interactive, Map<String, String> variables,
                             Function<Duration, KubernetesAccess> kubernetes, CommandRunner commands,
                             Supplier<String> hostname, String osArch) {

    public static CliEnvironment system() {
        Map<String, String> env = System.getenv();
        String home = System.getProperty("user.home");
        return new CliEnvironment(System.console() != null, env,
                timeout -> new KubeconfigAccess(env, home == null ? null : Path.of(home), timeout),
                new ProcessCommandRunner(env.get("PATH")),
                CliEnvironment::jvmHostname,
                System.getProperty("os.arch"));
    }

    private static String jvmHostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
