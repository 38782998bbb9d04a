package dev.backpack.agent.collector.k8s;

/** No cluster to ask (none configured, or unreachable): the Kubernetes modules skip with this reason. */
public final class ClusterUnavailableException extends Exception {
    public ClusterUnavailableException(String reason) {
        super(reason);
    }
}
