package dev.backpack.charts.docs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs checker itself: it must catch each kind of mistake it exists to catch. */
class DocBlockCheckerTest {
    private static DocBlockChecker checker;

    @BeforeAll
    static void setUp() throws IOException {
        checker = new DocBlockChecker(new ValuesSchema(Path.of(System.getProperty("backpack.chartDir", "backpack"))));
    }

    private static List<String> problems(String yaml, YamlBlock.Mark mark) {
        return checker.problems(new YamlBlock(Path.of("test.md"), 1, yaml, mark));
    }

    @Test
    void validBlocksPass() {
        assertThat(problems("metadata:\n  collection: true\n  stockpileTags: [memory, cpu]\n", YamlBlock.Mark.NONE)).isEmpty();
        assertThat(problems("operator:\n  replicas: 2\n", YamlBlock.Mark.VALUES)).isEmpty();
        assertThat(problems("watchNamespaces: [a, b]\n", YamlBlock.Mark.NONE)).as("values detected by keys").isEmpty();
        assertThat(problems("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n", YamlBlock.Mark.NONE)).isEmpty();
    }

    @Test
    void benchmarkMistakesAreCaught() {
        assertThat(problems("metadata:\n  collection: true\n  stockpileTags: [memroy]\n", YamlBlock.Mark.NONE))
                .singleElement().asString().contains("memroy");
        assertThat(problems("metadata:\n  label:\n    - [a, b, c]\n", YamlBlock.Mark.NONE))
                .singleElement().asString().contains("label[0]");
        assertThat(problems("""
                apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                kind: Benchmark
                metadata:
                  name: no-server
                spec:
                  metadata:
                    collection: true
                  workload:
                    name: byowl
                """, YamlBlock.Mark.NONE)).singleElement().asString().contains("spec.elasticsearch.server");
        assertThat(problems("elasticsearch:\n  server: https://x\n  port: 0\n", YamlBlock.Mark.NONE))
                .singleElement().asString().contains("port");
    }

    @Test
    void statusExcerptsBindToTheModel() {
        assertThat(problems("status:\n  state: Running\n  metadata: Collecting\n  observedGeneration: 2\n", YamlBlock.Mark.NONE))
                .isEmpty();
        assertThat(problems("status:\n  stat: Running\n", YamlBlock.Mark.NONE)).singleElement().asString().contains("stat");
        assertThat(problems("status:\n  observedGeneration: soon\n", YamlBlock.Mark.NONE)).singleElement().asString()
                .contains("does not match");
    }

    @Test
    void valuesMistakesAreCaught() {
        assertThat(problems("operator:\n  replicas: 0\n", YamlBlock.Mark.VALUES)).isNotEmpty();
        assertThat(problems("operater:\n  replicas: 2\n", YamlBlock.Mark.VALUES)).isNotEmpty();
        assertThat(problems("redis:\n  external:\n    port: 70000\n", YamlBlock.Mark.VALUES)).isNotEmpty();
    }

    @Test
    void kubernetesMistakesAreCaught() {
        assertThat(problems("apiVersion: v1\nkind: ConfigMapp\nmetadata:\n  name: x\n", YamlBlock.Mark.NONE)).isNotEmpty();
        assertThat(problems("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: backpack_role
                rules:
                - apiGroups: ["*"]
                  resources: ["*"]
                  verbs: [get, list, watch]
                """, YamlBlock.Mark.NOT_CHECKED)).contains(
                "ClusterRole backpack_role: wildcard apiGroup", "ClusterRole backpack_role: can read secrets");
    }

    @Test
    void podSpecAndContainerExcerptsBindToTheKubernetesModel() {
        assertThat(problems("""
                volumes:
                  - name: es-credentials
                    secret:
                      secretName: es-credentials
                containers:
                  - name: backpack
                    args: ["--server=https://es.example.com:9200"]
                    volumeMounts:
                      - {name: es-credentials, mountPath: /etc/backpack/es, readOnly: true}
                """, YamlBlock.Mark.NONE)).isEmpty();
        assertThat(problems("name: backpack\nimage: x\nargs: [serve]\n", YamlBlock.Mark.NONE)).isEmpty();
        assertThat(problems("containers:\n  - name: backpack\n    ports: 8080\n", YamlBlock.Mark.NONE))
                .singleElement().asString().contains("not a valid PodSpec fragment");
    }

    @Test
    void unclassifiedAndBrokenBlocksAreCaught() {
        assertThat(problems("collector:\n  name: backpack\n", YamlBlock.Mark.NONE))
                .singleElement().asString().contains("cannot tell what this block is");
        assertThat(problems("a: [unclosed\n", YamlBlock.Mark.NONE)).singleElement().asString().contains("not valid YAML");
    }

    @Test
    void markersAndIndentedFencesAreRead() {
        List<YamlBlock> blocks = MarkdownYamlBlocks.extract(Path.of("x.md"), List.of(
                "text", "<!-- values -->", "", "```yaml", "operator:", "  replicas: 2", "```",
                "- list item:", "  ```yaml", "  metadata:", "    collection: true", "  ```",
                "<!-- not-checked -->", "```yml", "kind: Nope", "```"));

        assertThat(blocks).extracting(YamlBlock::mark)
                .containsExactly(YamlBlock.Mark.VALUES, YamlBlock.Mark.NONE, YamlBlock.Mark.NOT_CHECKED);
        assertThat(blocks.get(1).text()).isEqualTo("metadata:\n  collection: true\n");
        assertThat(blocks.get(0).line()).isEqualTo(5);
    }
}
