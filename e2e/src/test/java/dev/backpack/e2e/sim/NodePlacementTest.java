package dev.backpack.e2e.sim;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.plan.Planner;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodePlacementTest {
    private static final Node FOO = node("a", Map.of("foo", "bar"), false);
    private static final Node SAUCE = node("b", Map.of("awesome", "sauce"), false);
    private static final Node PLAIN = node("c", Map.of(), false);
    private static final Node MASTER = node("m", Map.of("foo", "bar"), true);

    @Test
    void termsAreOredAndExpressionsAnded() {
        PodSpec spec = new PodSpecBuilder().withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("foo").withOperator("In").withValues("bar").endMatchExpression().endNodeSelectorTerm()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("awesome").withOperator("In").withValues("sauce").endMatchExpression()
                .addNewMatchExpression().withKey("gpu").withOperator("DoesNotExist").endMatchExpression().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().build();
        assertThat(NodePlacement.fits(spec, FOO)).isTrue();
        assertThat(NodePlacement.fits(spec, SAUCE)).isTrue();
        assertThat(NodePlacement.fits(spec, PLAIN)).isFalse();
        assertThat(NodePlacement.fits(spec, MASTER)).as("tainted, no toleration").isFalse();
    }

    @Test
    void anEmptyLabelValueMatchesOnlyNodesWhoseLabelIsEmpty() throws Exception {
        PodSpec agents = new Planner(OperatorConfig.defaults()).plan(BenchmarkYaml.parseValid("""
                apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                kind: Benchmark
                metadata: {name: workers, namespace: sim}
                spec:
                  elasticsearch: {server: es}
                  metadata: {collection: true, targeted: false, label: [[node-role.kubernetes.io/worker, ""]]}
                  workload: {name: byowl, args: {image: img, commands: echo}}
                """), "11111111-2222-3333-4444-555555555555").agents().orElseThrow().getSpec().getTemplate().getSpec();
        assertThat(NodePlacement.fits(agents, node("w", Map.of("node-role.kubernetes.io/worker", ""), false))).isTrue();
        assertThat(NodePlacement.fits(agents, node("x", Map.of("node-role.kubernetes.io/worker", "x"), false))).isFalse();
        assertThat(NodePlacement.fits(agents, PLAIN)).isFalse();
    }

    @Test
    void tolerationsLetPodsOntoTaintedNodes() {
        PodSpec exists = new PodSpecBuilder().addNewToleration().withOperator("Exists").endToleration().build();
        PodSpec byKey = new PodSpecBuilder().addNewToleration().withKey("node-role.kubernetes.io/control-plane")
                .withOperator("Exists").withEffect("NoSchedule").endToleration().build();
        PodSpec otherKey = new PodSpecBuilder().addNewToleration().withKey("dedicated").withOperator("Exists").endToleration().build();
        assertThat(NodePlacement.fits(exists, MASTER)).isTrue();
        assertThat(NodePlacement.fits(byKey, MASTER)).isTrue();
        assertThat(NodePlacement.fits(otherKey, MASTER)).isFalse();
    }

    @Test
    void nodeSelectorMustMatchEveryLabel() {
        assertThat(NodePlacement.fits(new PodSpecBuilder().withNodeSelector(Map.of("foo", "bar")).build(), FOO)).isTrue();
        assertThat(NodePlacement.fits(new PodSpecBuilder().withNodeSelector(Map.of("foo", "baz")).build(), FOO)).isFalse();
    }

    @Test
    void dollarReferencesExpandLikeTheKubelet() {
        Map<String, String> env = Map.of("my_node_name", "worker-a", "EMPTY", "");
        assertThat(EnvResolver.expand("-n=$(my_node_name)", env)).isEqualTo("-n=worker-a");
        assertThat(EnvResolver.expand("$(missing) $$(my_node_name) $(EMPTY)x", env)).isEqualTo("$(missing) $(my_node_name) x");
    }

    private static Node node(String name, Map<String, String> labels, boolean tainted) {
        NodeBuilder b = new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().withNewSpec().endSpec();
        if (tainted) {
            b.editSpec().addNewTaint().withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule").endTaint().endSpec();
        }
        return b.build();
    }
}
