package dev.backpack.agent.collector.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run's connection to the cluster, opened on first use and shared by the Kubernetes and OpenShift
 * collectors. The first call asks the API server for {@code /version}; if that fails to connect, every
 * later call fails fast with the same reason, so ten modules do not each wait for a timeout.
 * <p>
 * Every request is bounded by the client's request timeout ({@code --timeout}) here as well: fabric8
 * and the JDK client stop timing a request once its response headers are in, so an answer that stalls
 * halfway (seen with the JDK client's h2c upgrade) would otherwise hold the run, and serve mode's
 * {@code POST /collect}, forever.
 */
public final class ClusterSession implements AutoCloseable {
    /** Lets the client's own timeout, whose message names the cause, fire before ours. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final KubernetesAccess access;
    private KubernetesClient client;
    private VersionInfo version;
    private ClusterUnavailableException unavailable;
    private Set<String> apiGroups;
    private ExecutorService requests;

    public ClusterSession(KubernetesAccess access) {
        this.access = access;
    }

    /**
     * One read from the API server, e.g. {@code read("the node list", c -> c.nodes().list().getItems())};
     * what the client throws is thrown as it is. A read that does not finish within the request timeout
     * makes the cluster unavailable for the rest of the run.
     */
    public synchronized <T> T read(String what, Function<KubernetesClient, T> request) throws ClusterUnavailableException {
        connect();
        try {
            return bounded(what, client, request);
        } catch (ClusterUnavailableException e) {
            access.release(client);
            client = null;
            throw e;
        }
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
            APIGroupList list = read("/apis", KubernetesClient::getApiGroups);
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
            version = bounded("/version", opened, KubernetesClient::getKubernetesVersion);
            client = opened;
        } catch (ClusterUnavailableException e) {
            access.release(opened);
            throw e;
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

    /** Runs the request on a helper thread so that a request the client never finishes is left behind. */
    private <T> T bounded(String what, KubernetesClient on, Function<KubernetesClient, T> request)
            throws ClusterUnavailableException {
        Integer timeoutMillis = on.getConfiguration().getRequestTimeout();
        if (timeoutMillis == null || timeoutMillis <= 0) {
            return request.apply(on);
        }
        if (requests == null) {
            requests = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "backpack-cluster-request");
                thread.setDaemon(true);
                return thread;
            });
        }
        Future<T> answer = requests.submit(() -> request.apply(on));
        try {
            return answer.get(timeoutMillis + GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true); // fabric8 waits for the response in CompletableFuture.get(): an interrupt ends it
            unavailable = new ClusterUnavailableException("cluster at " + on.getMasterUrl() + " did not answer "
                    + what + " within " + timeoutMillis + " ms (--timeout)");
            throw unavailable;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted while asking the cluster at " + on.getMasterUrl()
                    + " for " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
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
        if (requests != null) {
            requests.shutdownNow();
        }
    }
}
