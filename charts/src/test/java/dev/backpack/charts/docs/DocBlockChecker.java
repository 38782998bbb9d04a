package dev.backpack.charts.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.backpack.charts.RbacRules;
import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.validation.InvalidBenchmarkException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a documentation YAML block is and checks it the way its reader will use it:
 * Benchmarks (and metadata/elasticsearch/spec fragments, wrapped into one) through the model's
 * validation, Helm values through the chart's schema, other Kubernetes objects through fabric8,
 * roles against the least-privilege rules. Returns the problems; empty means the block is fine.
 */
final class DocBlockChecker {
    static final Set<String> BENCHMARK_FRAGMENT_KEYS = Set.of("metadata", "elasticsearch", "spec");
    /** Excerpts of Kubernetes objects the docs may show without apiVersion/kind, tried in this order. */
    static final List<Class<?>> KUBERNETES_PARTS = List.of(PodSpec.class, Container.class);

    private final ValuesSchema values;
    private final YAMLMapper yaml = new YAMLMapper();
    private final KubernetesSerialization kubernetes = new KubernetesSerialization();

    DocBlockChecker(ValuesSchema values) {
        this.values = values;
    }

    List<String> problems(YamlBlock block) {
        List<JsonNode> documents;
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(block.text())) {
            documents = it.readAll().stream().filter(d -> d != null && !d.isNull() && !d.isMissingNode()).toList();
        } catch (IOException e) {
            String first = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("");
            return List.of("not valid YAML: " + first);
        }
        if (documents.isEmpty()) {
            return List.of("empty block");
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents) {
            problems.addAll(check(document, block.mark()));
        }
        return problems;
    }

    private List<String> check(JsonNode document, YamlBlock.Mark mark) {
        if (!document.isObject()) {
            return List.of("expected a mapping, got " + document.getNodeType());
        }
        if (mark == YamlBlock.Mark.VALUES) {
            return values.errors(document);
        }
        String kind = document.path("kind").asText("");
        if ("Benchmark".equals(kind)) {
            return benchmark(document);
        }
        if (!kind.isEmpty() && document.has("apiVersion")) {
            return kubernetesObject(document);
        }
        Set<String> keys = fieldNames(document);
        if (!keys.isEmpty() && BENCHMARK_FRAGMENT_KEYS.containsAll(keys)) {
            return benchmark(wrapFragment((ObjectNode) document));
        }
        if (keys.equals(Set.of("status"))) {
            return benchmarkStatus(document.get("status"));
        }
        if (values.topLevelKeys().containsAll(keys)) {
            return values.errors(document);
        }
        for (Class<?> part : KUBERNETES_PARTS) {
            if (!keys.isEmpty() && propertiesOf(part).containsAll(keys)) {
                return kubernetesPart(document, part);
            }
        }
        return List.of("cannot tell what this block is (keys " + keys + "): give it apiVersion and kind, "
                + "start it with metadata:/elasticsearch:/spec: for a Benchmark fragment, mark Helm values with "
                + MarkdownYamlBlocks.VALUES_MARK + ", write a pod spec or container fragment with their field names, "
                + "or use a ```text block if it is not meant to be applied");
    }

    /** A Benchmark status excerpt (what kubectl shows) must bind to the model's status, every field known. */
    private List<String> benchmarkStatus(JsonNode status) {
        Set<String> unknown = new java.util.TreeSet<>(fieldNames(status));
        unknown.removeAll(propertiesOf(dev.backpack.model.v1alpha1.BenchmarkStatus.class));
        if (!unknown.isEmpty()) {
            return List.of("status has fields the Benchmark status does not: " + unknown);
        }
        try {
            yaml.treeToValue(status, dev.backpack.model.v1alpha1.BenchmarkStatus.class);
            return List.of();
        } catch (IOException e) {
            return List.of("status does not match the Benchmark status: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A pod spec or container excerpt (e.g. what the operator injects) must bind to fabric8's model. */
    private List<String> kubernetesPart(JsonNode document, Class<?> part) {
        try {
            kubernetes.convertValue(document, part);
            return List.of();
        } catch (RuntimeException e) {
            return List.of("not a valid " + part.getSimpleName() + " fragment: " + e.getMessage());
        }
    }

    private Set<String> propertiesOf(Class<?> type) {
        Set<String> names = new TreeSet<>();
        yaml.getSerializationConfig().introspect(yaml.constructType(type)).findProperties()
                .forEach(p -> names.add(p.getName()));
        names.remove("additionalProperties");
        return names;
    }

    private List<String> benchmark(JsonNode document) {
        try {
            BenchmarkYaml.parseValid(yaml.writeValueAsString(document));
            return List.of();
        } catch (InvalidBenchmarkException e) {
            return List.of("Benchmark refused: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("a parsed tree is always writable", e);
        }
    }

    /** A fragment becomes the spec of a minimal Benchmark; the fragment's own keys win. */
    private ObjectNode wrapFragment(ObjectNode fragment) {
        ObjectNode benchmark = yaml.createObjectNode();
        benchmark.put("apiVersion", "ripsaw.cloudbulldozer.io/v1alpha1");
        benchmark.put("kind", "Benchmark");
        benchmark.putObject("metadata").put("name", "docs-example").put("namespace", "my-ripsaw");
        ObjectNode spec = benchmark.putObject("spec");
        spec.putObject("elasticsearch").put("server", "my.elastic.server.foo");
        spec.putObject("workload").put("name", "byowl");
        ObjectNode source = fragment.has("spec") ? (ObjectNode) fragment.get("spec") : fragment;
        spec.setAll(source);
        return benchmark;
    }

    private List<String> kubernetesObject(JsonNode document) {
        HasMetadata object;
        try {
            object = kubernetes.unmarshal(yaml.writeValueAsString(document));
        } catch (RuntimeException | IOException e) {
            return List.of(document.path("kind").asText() + " does not parse: " + e.getMessage());
        }
        if (object instanceof GenericKubernetesResource && !document.path("apiVersion").asText().contains(".")) {
            return List.of(object.getKind() + " is not a known built-in kind (typo in kind or apiVersion?)");
        }
        List<PolicyRule> rules = object instanceof ClusterRole role ? role.getRules()
                : object instanceof Role role ? role.getRules() : List.of();
        List<String> problems = new ArrayList<>();
        for (PolicyRule rule : rules) {
            RbacRules.problems(rule).forEach(p -> problems.add(object.getKind() + " " + object.getMetadata().getName() + ": " + p));
        }
        return problems;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
