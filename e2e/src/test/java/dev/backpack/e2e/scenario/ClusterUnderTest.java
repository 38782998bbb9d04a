package dev.backpack.e2e.scenario;

import dev.backpack.e2e.sim.AgentExec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;

/**
 * Where the scenarios run: the node simulator on fabric8's mock API here, or a real (kind) cluster
 * elsewhere. Scenarios only talk to the cluster through this.
 */
public interface ClusterUnderTest {
    KubernetesClient client();

    String namespace();

    /** {@code spec.elasticsearch.server} and {@code port} as the cluster's pods reach the search server. */
    String searchServerForPods();

    int searchPortForPods();

    SearchIndexes indexes();

    List<String> nodeNames();

    /** A worker labelled foo=bar, one labelled awesome=sauce, and one with neither (the reference's label pairs). */
    String fooBarNode();

    String awesomeSauceNode();

    String plainNode();

    /** The ServiceAccount Benchmarks name so the agent may read nodes (the chart's backpack-agent), or null. */
    default String agentServiceAccount() {
        return null;
    }

    /** An HTTP POST to a DaemonSet agent pod's serve port; returns the status code. */
    int postToAgent(Pod pod, String pathAndQuery);

    /** {@code kubectl exec} into the agent container. */
    AgentExec execInAgent(Pod pod, List<String> argv);
}
