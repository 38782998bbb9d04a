package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Filters nodes with {@link NodePlacement} and spreads pods onto the least loaded feasible node. */
final class Scheduler {
    private final KubernetesClient client;

    Scheduler(KubernetesClient client) {
        this.client = client;
    }

    List<Node> feasibleNodes(PodSpec spec) {
        return client.nodes().list().getItems().stream().filter(n -> NodePlacement.fits(spec, n))
                .sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList();
    }

    Optional<String> pick(PodSpec spec) {
        Map<String, Long> load = client.pods().inAnyNamespace().list().getItems().stream()
                .map(Pod::getSpec).filter(s -> s.getNodeName() != null)
                .collect(Collectors.groupingBy(PodSpec::getNodeName, Collectors.counting()));
        return feasibleNodes(spec).stream()
                .min(Comparator.comparing((Node n) -> load.getOrDefault(n.getMetadata().getName(), 0L))
                        .thenComparing(n -> n.getMetadata().getName()))
                .map(n -> n.getMetadata().getName());
    }
}
