package dev.backpack.agent.collector.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The standard places: a kubeconfig ({@code KUBECONFIG} or {@code ~/.kube/config}), else the pod's
 * service account when running in a cluster. Without either, the Kubernetes modules skip instead
 * of trying {@code https://kubernetes.default.svc} and waiting for a timeout. Timeouts are short and
 * retries off, so an unreachable API server costs seconds, not minutes. HTTP/1.1 only: on an
 * {@code http://} server the JDK client would otherwise try an h2c upgrade, whose answer it sometimes
 * never finishes reading; a handful of GETs per run gains nothing from HTTP/2.
 */
public final class KubeconfigAccess implements KubernetesAccess {
    /** An API server that does not accept a connection within this is treated as unreachable. */
    static final Duration MAX_CONNECT = Duration.ofSeconds(5);
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private final Map<String, String> environment;
    private final Path home;
    private final Duration timeout;

    public KubeconfigAccess(Map<String, String> environment, Path home, Duration timeout) {
        this.environment = environment;
        this.home = home;
        this.timeout = timeout;
    }

    @Override
    public KubernetesClient open() throws ClusterUnavailableException {
        Optional<Path> kubeconfig = kubeconfigFile();
        Config base;
        if (kubeconfig.isPresent()) {
            try {
                base = Config.fromKubeconfig(kubeconfig.get().toFile());
            } catch (RuntimeException e) {
                throw new ClusterUnavailableException("kubeconfig " + kubeconfig.get() + " cannot be used: "
                        + ClusterSession.rootMessage(e));
            }
        } else if (environment.containsKey("KUBERNETES_SERVICE_HOST") && Files.exists(SERVICE_ACCOUNT_TOKEN)) {
            base = Config.autoConfigure(null); // in-cluster: service account token and CA
        } else {
            throw new ClusterUnavailableException("no cluster configured (not in a pod with a service account, "
                    + "no KUBECONFIG and no ~/.kube/config)");
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Config config = new ConfigBuilder(base)
                .withConnectionTimeout((int) Math.min(millis, MAX_CONNECT.toMillis()))
                .withRequestTimeout(millis)
                .withRequestRetryBackoffLimit(0)
                .withHttp2Disable(true)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The first existing file of {@code KUBECONFIG} (a path list), else {@code ~/.kube/config}. */
    private Optional<Path> kubeconfigFile() {
        String list = environment.get("KUBECONFIG");
        if (list != null) {
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
                    return Optional.of(Path.of(entry));
                }
            }
        }
        return Optional.ofNullable(home).map(h -> h.resolve(".kube/config")).filter(Files::isRegularFile);
    }
}
