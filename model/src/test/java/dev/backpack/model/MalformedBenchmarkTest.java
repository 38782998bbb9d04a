package dev.backpack.model;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.validation.BenchmarkValidator;
import dev.backpack.model.validation.InvalidBenchmarkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every malformed input is rejected with a message that names the offending field. */
class MalformedBenchmarkTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("port is not a number", """
                        elasticsearch:
                          server: es
                          port: abc
                        """, "spec.elasticsearch.port", "expected a whole number"),
                Arguments.of("port 0", """
                        elasticsearch:
                          server: es
                          port: 0
                        """, "spec.elasticsearch.port", "between 1 and 65535"),
                Arguments.of("port too large", """
                        elasticsearch:
                          server: es
                          port: 70000
                        """, "spec.elasticsearch.port", "between 1 and 65535"),
                Arguments.of("port is a fraction", """
                        elasticsearch:
                          server: es
                          port: 92.5
                        """, "spec.elasticsearch.port", "expected a whole number"),
                Arguments.of("targeted is a number", """
                        metadata:
                          targeted: 7
                        """, "spec.metadata.targeted", "true or false"),
                Arguments.of("collection is not a boolean", """
                        metadata:
                          collection: maybe
                        """, "spec.metadata.collection", "true or false"),
                Arguments.of("label pair of three items", """
                        elasticsearch: {server: es}
                        metadata:
                          collection: true
                          targeted: false
                          label:
                            - [foo, bar, baz]
                        """, "spec.metadata.label[0]", "[key, value] pair, got 3 items"),
                Arguments.of("label pair of one item", """
                        metadata:
                          label:
                            - [foo, bar]
                            - [lonely]
                        """, "spec.metadata.label[1]", "got 1 item"),
                Arguments.of("label is not a list", """
                        metadata:
                          label: foo=bar
                        """, "spec.metadata.label", "expected a list"),
                Arguments.of("unknown tag", """
                        metadata:
                          stockpileTags: [common, cpus]
                        """, "spec.metadata.stockpileTags", "unknown tag cpus; known tags: all, always"),
                Arguments.of("unknown skip tag, snake case", """
                        metadata:
                          stockpile_skip_tags: [memroy]
                        """, "spec.metadata.stockpile_skip_tags", "unknown tag memroy"),
                Arguments.of("both tag spellings disagree", """
                        metadata:
                          stockpileTags: [cpu]
                          stockpile_tags: [memory]
                        """, "spec.metadata.stockpileTags", "keep one spelling"),
                Arguments.of("collection without server", """
                        metadata:
                          collection: true
                        """, "spec.elasticsearch.server", "metadata collection needs spec.elasticsearch.server"),
                Arguments.of("server with spaces", """
                        elasticsearch:
                          server: "my es"
                        """, "spec.elasticsearch.server", "spaces"),
                Arguments.of("credentials secret without name", """
                        elasticsearch:
                          server: es
                          credentialsSecret: {usernameKey: u}
                        """, "spec.elasticsearch.credentialsSecret.name", "is required"),
                Arguments.of("ca bundle names both sources", """
                        elasticsearch:
                          server: es
                          caBundle: {secretName: a, configMapName: b}
                        """, "spec.elasticsearch.caBundle", "exactly one"),
                Arguments.of("insecure and ca bundle", """
                        elasticsearch:
                          server: es
                          insecureSkipVerify: true
                          caBundle: {secretName: a}
                        """, "spec.elasticsearch.insecureSkipVerify", "cannot be true together with caBundle"),
                Arguments.of("metadata is a string", """
                        metadata: yes please
                        """, "spec.metadata", "expected a mapping"),
                Arguments.of("workload image with a newline", """
                        workload:
                          name: byowl
                          args: {image: "quay.io/a/b\\nlatest", commands: "echo"}
                        """, "spec.workload.args.image", "must not contain spaces, line breaks"),
                Arguments.of("workload image with spaces", """
                        workload:
                          name: byowl
                          args: {image: "quay.io/a/b latest", commands: "echo"}
                        """, "spec.workload.args.image", "is not an image reference"),
                Arguments.of("node selector key that is not a qualified name", """
                        workload:
                          name: byowl
                          args: {image: img, commands: echo, nodeselector: {"a b": "c"}}
                        """, "spec.workload.args.nodeselector[a b]", "is not a valid label key"),
                Arguments.of("node selector value Kubernetes rejects", """
                        workload:
                          name: byowl
                          args: {image: img, commands: echo, nodeselector: {disk: "fast ssd"}}
                        """, "spec.workload.args.nodeselector[disk]", "is not a valid label value"),
                Arguments.of("node selector value is a list", """
                        workload:
                          name: byowl
                          args: {image: img, commands: echo, nodeselector: {disk: [ssd]}}
                        """, "spec.workload.args.nodeselector[disk]", "must be a string, not a list"),
                Arguments.of("agent image with a newline", """
                        metadata:
                          image: "quay.io/a/b\\n"
                        """, "spec.metadata.image", "line breaks"),
                Arguments.of("server user info without a password", """
                        elasticsearch: {server: "https://writer@es.example:9243"}
                        """, "spec.elasticsearch.server", "'https://***@es.example:9243': user info must be user:password"),
                Arguments.of("credentials both in the server URL and in a Secret", """
                        elasticsearch:
                          server: "https://writer:pw@es.example:9243"
                          credentialsSecret: {name: es-credentials}
                        """, "spec.elasticsearch.server", "credentialsSecret is set too"),
                Arguments.of("server with an ftp scheme", """
                        elasticsearch: {server: "ftp://x"}
                        """, "spec.elasticsearch.server", "scheme 'ftp' is not http or https"),
                Arguments.of("ftp server with a password is redacted", """
                        elasticsearch: {server: "ftp://u:pw@x"}
                        """, "spec.elasticsearch.server", "'ftp://***@x': scheme 'ftp'"),
                Arguments.of("service account in capitals", """
                        metadata: {serviceaccount: MySA}
                        """, "spec.metadata.serviceaccount", "'MySA' is not a Kubernetes name"),
                Arguments.of("service account with a slash", """
                        metadata: {serviceaccount: a/b}
                        """, "spec.metadata.serviceaccount", "'a/b' is not a Kubernetes name"),
                Arguments.of("skip tags all", """
                        metadata: {stockpileSkipTags: [all]}
                        """, "spec.metadata.stockpileSkipTags", "skipping 'all' collects nothing"),
                Arguments.of("skip tags all, snake case", """
                        metadata: {stockpile_skip_tags: [all]}
                        """, "spec.metadata.stockpile_skip_tags", "collects nothing"),
                Arguments.of("clients beyond a whole number of pods", """
                        workload: {name: byowl, args: {image: img, commands: echo, clients: 99999999999}}
                        """, "spec.workload.args.clients", "is 99999999999; at most 2147483647"),
                Arguments.of("label written as a mapping", """
                        metadata:
                          label: {node-role.kubernetes.io/worker: ""}
                        """, "spec.metadata.label", "expected a list of [key, value] pairs, not a {key: value} mapping"),
                Arguments.of("label pair written as a mapping", """
                        metadata:
                          label: [{foo: bar}]
                        """, "spec.metadata.label[0]", "not a {key: value} mapping"),
                Arguments.of("label pair with an empty key", """
                        metadata:
                          label: [["", worker]]
                        """, "spec.metadata.label[0]", "the key must not be empty"),
                Arguments.of("label key Kubernetes rejects", """
                        metadata:
                          label: [["a b", c]]
                        """, "spec.metadata.label[0]", "is not a valid label key"),
                Arguments.of("label value Kubernetes rejects", """
                        metadata:
                          label: [[disk, "fast ssd"]]
                        """, "spec.metadata.label[0]", "is not a valid label value"));
    }

    @Test
    void labelsInTargetedModeAreAcceptedWithAWarning() throws Exception {
        Benchmark b = BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment("""
                metadata: {collection: true, label: [[foo, bar]]}
                elasticsearch: {server: es}
                workload: {name: byowl}
                """));
        assertThat(BenchmarkValidator.warnings(b.getSpec())).singleElement()
                .satisfies(w -> assertThat(w.toString()).contains("spec.metadata.label").contains("ignored with targeted: true"));
        assertThat(BenchmarkValidator.warnings(BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment("""
                metadata: {collection: true, targeted: false, label: [[foo, bar]]}
                elasticsearch: {server: es}
                workload: {name: byowl}
                """)).getSpec())).isEmpty();
    }

    @Test
    void labelPairsWithAnEmptyValueSelectRoleLabels() throws Exception {
        Benchmark b = BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment("""
                metadata:
                  collection: true
                  targeted: false
                  label: [[node-role.kubernetes.io/worker, ""], [rack, 42]]
                elasticsearch: {server: es}
                workload: {name: byowl}
                """));
        assertThat(b.getSpec().getMetadata().labelOrEmpty())
                .containsExactly(List.of("node-role.kubernetes.io/worker", ""), List.of("rack", "42"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectedWithFieldName(String description, String specFragment, String field, String message) {
        InvalidBenchmarkException e = catchThrowableOfType(InvalidBenchmarkException.class,
                () -> BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment(specFragment)));
        assertThat(e).as(description).isNotNull();
        assertThat(e.violations()).as(description)
                .anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.message()).contains(message);
                });
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("structural")
    void structuralProblemsNameTheField(String yaml, String field, String message) {
        InvalidBenchmarkException e = catchThrowableOfType(InvalidBenchmarkException.class, () -> BenchmarkYaml.parseValid(yaml));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(field).contains(message);
    }

    static Stream<Arguments> structural() {
        return Stream.of(
                Arguments.of("", "(document)", "is empty"),
                Arguments.of("kind: Benchmark\nspec: [1, 2]\n", "spec", "expected a mapping"),
                Arguments.of("kind: Benchmark\nspec:\n  workload: {}\n", "spec.workload.name", "is required"),
                Arguments.of("kind: Benchmark\nspec: {workload: {name: byowl}\n", "line ", "is not valid YAML"));
    }
}
