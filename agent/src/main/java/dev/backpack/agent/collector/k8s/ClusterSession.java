package dev.backpack.agent.collector.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run's connection to the cluster, opened on first use and shared by the Kubernetes and OpenShift
 * collectors. The first call asks the API server for {@code /version}; if that fails to connect, every
 * later call fails fast with the same reason, so ten modules do not each wait for a timeout.
 */
public final class ClusterSession implements AutoCloseable {
    private final KubernetesAccess access;
    private KubernetesClient client;
    private VersionInfo version;
    private ClusterUnavailableException unavailable;
    private Set<String> apiGroups;

    public ClusterSession(KubernetesAccess access) {
        this.access = access;
    }

    /** A client whose API server answered {@code /version}. */
    public synchronized KubernetesClient client() throws ClusterUnavailableException {
        connect();
        return client;
    }

    public synchronized VersionInfo version() throws ClusterUnavailableException {
        connect();
        return version;
    }

    /**
     * Whether the API server serves {@code group} (e.g. {@code config.openshift.io}). The group list
     * ({@code /apis}) is fetched once per run and shared by the OpenShift modules.
     */
    public synchronized boolean hasApiGroup(String group) throws ClusterUnavailableException {
        connect();
        if (apiGroups == null) {
            APIGroupList list = client.getApiGroups();
            apiGroups = list == null || list.getGroups() == null ? Set.of()
                    : list.getGroups().stream().map(APIGroup::getName).collect(Collectors.toSet());
        }
        return apiGroups.contains(group);
    }

    private void connect() throws ClusterUnavailableException {
        if (unavailable != null) {
            throw unavailable;
        }
        if (client != null) {
            return;
        }
        KubernetesClient opened;
        try {
            opened = access.open();
        } catch (ClusterUnavailableException e) {
            unavailable = e;
            throw e;
        }
        try {
            version = opened.getKubernetesVersion();
            client = opened;
        } catch (KubernetesClientException e) {
            access.release(opened);
            if (e.getCode() == 401 || e.getCode() == 403) {
                throw e; // reachable but refused: a misconfiguration, reported as an error
            }
            unavailable = new ClusterUnavailableException("cluster at " + opened.getMasterUrl() + " is unreachable: "
                    + rootMessage(e));
            throw unavailable;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            access.release(client);
            client = null;
        }
    }
}
