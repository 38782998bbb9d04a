package dev.backpack.agent.collector.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * How a run reaches the cluster. The command line passes {@link KubeconfigAccess}; embedders such as a
 * fleet benchmark share one client across many runs with {@link #shared(KubernetesClient)}.
 */
public interface KubernetesAccess {

    /** @throws ClusterUnavailableException when no cluster is configured (a clean skip, not a failure) */
    KubernetesClient open() throws ClusterUnavailableException;

    /** Called once when the run is done with a client from {@link #open()}. */
    default void release(KubernetesClient client) {
        client.close();
    }

    static KubernetesAccess none(String reason) {
        return () -> {
            throw new ClusterUnavailableException(reason);
        };
    }

    /** A client owned by the caller: runs use it and never close it. */
    static KubernetesAccess shared(KubernetesClient client) {
        return new KubernetesAccess() {
            @Override
            public KubernetesClient open() {
                return client;
            }

            @Override
            public void release(KubernetesClient c) {
                // owned by the caller
            }
        };
    }
}
