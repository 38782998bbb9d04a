package dev.backpack.operator.plan;

import dev.backpack.contract.AgentFlags;
import dev.backpack.operator.inject.AgentCommandLine;
import dev.backpack.operator.inject.AgentPodParts;
import dev.backpack.operator.inject.AgentSettings;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;

import java.util.List;
import java.util.Map;

/**
 * The DaemonSet of {@code targeted: false}: {@code backpack serve} on every node, or on the nodes matching
 * ANY {@code label} pair (one node-selector term per pair: terms are ORed, expressions within a term ANDed).
 * It tolerates every NoSchedule taint (control-plane nodes included), because "every node" means every
 * node. Readiness is the agent's {@code /readyz}, which turns true only once the node's metadata is indexed.
 */
public final class AgentDaemonSet {
    public static final String NAME_PREFIX = "backpack-";
    private static final int MAX_NAME = 63;

    private AgentDaemonSet() {
    }

    public static String name(String benchmark) {
        String name = NAME_PREFIX + benchmark;
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME).replaceAll("[-.]+$", "");
    }

    public static DaemonSet desired(String benchmark, String namespace, AgentSettings settings) {
        Map<String, String> labels = BenchmarkLabels.of(benchmark, settings.uuid(), BenchmarkLabels.ROLE_AGENT);
        Map<String, String> selector = Map.of(BenchmarkLabels.BENCHMARK, benchmark,
                BenchmarkLabels.ROLE, BenchmarkLabels.ROLE_AGENT);
        var container = AgentPodParts.container(settings, AgentCommandLine.serve(settings))
                .addNewPort().withName("http").withContainerPort(AgentFlags.DEFAULT_SERVE_PORT).endPort()
                .withReadinessProbe(probe(AgentFlags.READYZ, 5))
                .withLivenessProbe(probe(AgentFlags.HEALTHZ, 20))
                .build();
        return new DaemonSetBuilder()
                .withNewMetadata().withName(name(benchmark)).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                    .withNewSelector().withMatchLabels(selector).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withServiceAccountName(settings.serviceAccountOrNull())
                            .withContainers(container)
                            .withVolumes(AgentPodParts.volumes(settings))
                            .withTolerations(tolerations())
                            .withAffinity(affinity(settings.metadata().labelOrEmpty()))
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static Probe probe(String path, int periodSeconds) {
        return new ProbeBuilder().withNewHttpGet().withPath(path).withNewPort(AgentFlags.DEFAULT_SERVE_PORT)
                .endHttpGet().withPeriodSeconds(periodSeconds).build();
    }

    static List<Toleration> tolerations() {
        return List.of(
                new TolerationBuilder().withKey("node-role.kubernetes.io/control-plane").withOperator("Exists")
                        .withEffect("NoSchedule").build(),
                new TolerationBuilder().withKey("node-role.kubernetes.io/master").withOperator("Exists")
                        .withEffect("NoSchedule").build(),
                // no key + Exists: tolerates every NoSchedule taint
                new TolerationBuilder().withOperator("Exists").withEffect("NoSchedule").build());
    }

    /** One term per [key, value] pair: the node needs to match ANY of them. No pairs: no affinity. */
    static Affinity affinity(List<List<String>> pairs) {
        if (pairs.isEmpty()) {
            return null;
        }
        List<NodeSelectorTerm> terms = pairs.stream()
                .map(p -> new NodeSelectorTermBuilder().addNewMatchExpression()
                        .withKey(p.get(0)).withOperator("In").withValues(p.get(1)).endMatchExpression().build())
                .toList();
        return new AffinityBuilder().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNodeSelectorTerms(terms).endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity()
                .build();
    }
}
