package dev.backpack.e2e.scenario;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real cluster the kind tier runs against (KUBECONFIG or ~/.kube/config), and says why not
 * when there is none. With {@code -Pkind} ({@code backpack.kind.required=true}) a missing cluster is a
 * failure, not a skip.
 */
public final class KindCluster {
    public static final String REQUIRED_PROPERTY = "backpack.kind.required";

    private KindCluster() {
    }

    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /** A client to the cluster, or empty with the reason in {@code why[0]}. */
    public static Optional<KubernetesClient> connect(String[] why) {
        String kubeconfig = System.getenv("KUBECONFIG");
        Path config = kubeconfig != null && !kubeconfig.isBlank() ? Path.of(kubeconfig.split(":")[0])
                : Path.of(System.getProperty("user.home"), ".kube", "config");
        if (!Files.isRegularFile(config)) {
            why[0] = "no Kubernetes cluster: " + config + " does not exist (set KUBECONFIG to a kind cluster's config "
                    + "and run mvn -Pkind verify to run the kind tier)";
            return Optional.empty();
        }
        Config base = Config.autoConfigure(null);
        Config quick = new ConfigBuilder(base).withConnectionTimeout(3_000).withRequestTimeout(5_000).build();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(quick).build();
        try {
            client.getKubernetesVersion();
            return Optional.of(client);
        } catch (RuntimeException e) {
            client.close();
            why[0] = "no Kubernetes cluster reachable through " + config + ": " + e.getMessage();
            return Optional.empty();
        }
    }
}
