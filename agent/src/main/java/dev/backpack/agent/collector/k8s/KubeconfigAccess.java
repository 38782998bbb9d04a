package dev.backpack.agent.collector.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The standard places: the pod's service account when running in a cluster, else a kubeconfig
 * ({@code KUBECONFIG} or {@code ~/.kube/config}). Without either, the Kubernetes modules skip instead
 * of trying {@code https://kubernetes.default.svc} and waiting for a timeout. Timeouts are short and
 * retries off, so an unreachable API server costs seconds, not minutes.
 */
public final class KubeconfigAccess implements KubernetesAccess {
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
        boolean inCluster = environment.containsKey("KUBERNETES_SERVICE_HOST") && Files.exists(SERVICE_ACCOUNT_TOKEN);
        String kubeconfig = environment.get("KUBECONFIG");
        boolean hasKubeconfig = (kubeconfig != null && !kubeconfig.isBlank())
                || (home != null && Files.isRegularFile(home.resolve(".kube/config")));
        if (!inCluster && !hasKubeconfig) {
            throw new ClusterUnavailableException("no cluster configured (not in a pod with a service account, "
                    + "no KUBECONFIG and no ~/.kube/config)");
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        Config config = new ConfigBuilder(Config.autoConfigure(null))
                .withConnectionTimeout(millis)
                .withRequestTimeout(millis)
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
