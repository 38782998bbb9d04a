package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scheduler's filter step, as kube-scheduler evaluates it: nodeSelector, required node affinity
 * (terms ORed, expressions within a term ANDed) and NoSchedule/NoExecute taints against tolerations.
 */
final class NodePlacement {
    private NodePlacement() {
    }

    static boolean fits(PodSpec spec, Node node) {
        return matchesNodeSelector(spec.getNodeSelector(), labels(node))
                && matchesRequiredAffinity(spec, node)
                && toleratesTaints(spec.getTolerations(), node.getSpec() == null ? null : node.getSpec().getTaints());
    }

    private static Map<String, String> labels(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static boolean matchesNodeSelector(Map<String, String> selector, Map<String, String> labels) {
        return selector == null || selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    private static boolean matchesRequiredAffinity(PodSpec spec, Node node) {
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null
                || spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
            return true;
        }
        List<NodeSelectorTerm> terms = spec.getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
        if (terms == null || terms.isEmpty()) {
            return false;
        }
        return terms.stream().anyMatch(term -> matchesTerm(term, node));
    }

    private static boolean matchesTerm(NodeSelectorTerm term, Node node) {
        List<NodeSelectorRequirement> expressions = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
        List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
        if (expressions.isEmpty() && fields.isEmpty()) {
            return false; // an empty term matches no objects
        }
        Map<String, String> labels = labels(node);
        return expressions.stream().allMatch(r -> matches(r, labels.get(r.getKey()), labels.containsKey(r.getKey())))
                && fields.stream().allMatch(r -> "metadata.name".equals(r.getKey())
                && matches(r, node.getMetadata().getName(), true));
    }

    private static boolean matches(NodeSelectorRequirement r, String value, boolean present) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        return switch (r.getOperator()) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            case "Gt" -> present && Long.parseLong(value) > Long.parseLong(values.get(0));
            case "Lt" -> present && Long.parseLong(value) < Long.parseLong(values.get(0));
            default -> throw new IllegalArgumentException("unknown node selector operator " + r.getOperator());
        };
    }

    private static boolean toleratesTaints(List<Toleration> tolerations, List<Taint> taints) {
        if (taints == null) {
            return true;
        }
        List<Toleration> given = tolerations == null ? List.of() : tolerations;
        return taints.stream()
                .filter(t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()))
                .allMatch(taint -> given.stream().anyMatch(tol -> tolerates(tol, taint)));
    }

    private static boolean tolerates(Toleration tol, Taint taint) {
        if (tol.getEffect() != null && !tol.getEffect().isEmpty() && !tol.getEffect().equals(taint.getEffect())) {
            return false;
        }
        boolean exists = "Exists".equals(tol.getOperator());
        if (tol.getKey() == null || tol.getKey().isEmpty()) {
            return exists;
        }
        return tol.getKey().equals(taint.getKey()) && (exists || Objects.equals(tol.getValue(), taint.getValue()));
    }
}
