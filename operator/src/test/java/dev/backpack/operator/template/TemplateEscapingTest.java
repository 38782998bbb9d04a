package dev.backpack.operator.template;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whatever a user types into a string arg reaches the rendered object unchanged and is never evaluated:
 * a property checked over {@link HostileStrings}' corpus, for every string field of byowl and for a
 * user's template.
 */
class TemplateEscapingTest {
    private static final WorkloadTemplates BUILT_IN = WorkloadTemplates.builtIn();
    private static final ManifestParser PARSER = new ManifestParser();

    @TempDir
    static Path userRoot;
    private static WorkloadTemplates userTemplates;

    @TempDir
    Path root;

    @BeforeAll
    static void aUsersTemplateDirectory() throws IOException {
        Path dir = Files.createDirectories(userRoot.resolve("cm"));
        Files.writeString(dir.resolve(WorkloadTemplates.ENTRY), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: "cm-${shortUuid}"
                data:
                  value: "${args.value}"
                  ? "${args.value}"
                  : "key"
                  count: "${args.count}"
                """);
        userTemplates = new WorkloadTemplates(List.of(userRoot));
    }

    static Stream<Arguments> corpus() {
        List<String> corpus = HostileStrings.corpus(250);
        return IntStream.range(0, corpus.size()).mapToObj(i -> Arguments.of(i, corpus.get(i)));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("corpus")
    void byowlKeepsEveryStringFieldByteForByte(int index, String input) throws Exception {
        // byowl refuses a blank image itself (FreeMarker's ?trim); the property is about what it renders
        String image = input.trim().isEmpty() ? "img" + input : input;
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("image", image);
        args.put("commands", input);
        args.put("nodeselector", Map.of(input, input));
        Job job = (Job) PARSER.parse("byowl", BUILT_IN.render(WorkloadTemplatesTest.model("byowl", args))).get(0);

        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo(image);
        assertThat(container.getArgs()).containsExactly(input);
        assertThat(job.getSpec().getTemplate().getSpec().getNodeSelector()).containsExactly(Map.entry(input, input));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("corpus")
    void aUsersTemplateGetsTheSameEscaping(int index, String input) throws Exception {
        ConfigMap cm = (ConfigMap) PARSER.parse("cm", userTemplates.render(
                WorkloadTemplatesTest.model("cm", Map.of("value", input, "count", 1000)))).get(0);
        assertThat(cm.getData()).containsEntry("value", input).containsEntry(input, "key")
                .containsEntry("count", "1000");
    }

    @Test
    void theCommandOfTheIssueRenders() throws Exception {
        String command = "uperf -m /tmp/p.xml </dev/null";
        Job job = (Job) PARSER.parse("byowl", BUILT_IN.render(WorkloadTemplatesTest.model("byowl",
                Map.of("image", "quay.io/jtaleric/uperf:testing", "commands", command)))).get(0);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).containsExactly(command);
    }

    @Test
    void escapingLeavesPlainTextAndNumbersAlone() {
        assertThat(YamlOutputFormat.escape("quay.io/a/b:1.0 -m 1000")).isEqualTo("quay.io/a/b:1.0 -m 1000");
        assertThat(YamlOutputFormat.escape("a\"b\\c\nd</e\u2028")).isEqualTo("a\\\"b\\\\c\\nd</e\\u2028");
    }

    @Test
    void handEscapingIsRefusedNamingTheLineAndTheFix() throws Exception {
        WorkloadTemplates templates = userTemplate("old", "a: 1\nimage: \"${args.image?json_string}\"\n");
        assertThatThrownBy(() -> templates.render(WorkloadTemplatesTest.model("old", Map.of("image", "x"))))
                .isInstanceOf(TemplateFailure.class)
                .hasMessage("workload old: template old/workload.yaml.ftl line 2 uses ?json_string, which now escapes"
                        + " twice: every ${...} is escaped for a YAML double-quoted string by itself;"
                        + " write \"${x}\" instead of \"${x?json_string}\"");
    }

    @Test
    void templatesCannotEvaluateWhatUsersTyped() throws Exception {
        WorkloadTemplates templates = userTemplate("ev", "a: \"${args.x?eval}\"\n");
        assertThatThrownBy(() -> templates.render(WorkloadTemplatesTest.model("ev", Map.of("x", "uuid"))))
                .isInstanceOf(TemplateFailure.class).hasMessageContaining("line 1 uses ?eval, which would run a string");
        WorkloadTemplates interpreting = userTemplate("in", "<@args.x?interpret />\n");
        assertThatThrownBy(() -> interpreting.render(WorkloadTemplatesTest.model("in", Map.of("x", "${uuid}"))))
                .isInstanceOf(TemplateFailure.class).hasMessageContaining("uses ?interpret");
    }

    @Test
    void includedTemplatesAreCheckedAndEscapedToo() throws Exception {
        Path dir = Files.createDirectories(root.resolve("inc"));
        Files.writeString(dir.resolve("part.ftlh"), "value: \"${args.value}\"\n");
        Files.writeString(dir.resolve("bad.ftl"), "value: \"${args.value?js_string}\"\n");
        Files.writeString(dir.resolve(WorkloadTemplates.ENTRY), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data:
                  <#include "part.ftlh">
                """);
        Files.createDirectories(root.resolve("incbad"));
        Files.writeString(root.resolve("incbad").resolve(WorkloadTemplates.ENTRY), "<#include \"../inc/bad.ftl\">\n");
        WorkloadTemplates templates = new WorkloadTemplates(List.of(root));

        ConfigMap cm = (ConfigMap) PARSER.parse("inc", templates.render(
                WorkloadTemplatesTest.model("inc", Map.of("value", "<b>\"&\"</b>")))).get(0);
        assertThat(cm.getData()).containsEntry("value", "<b>\"&\"</b>");
        assertThatThrownBy(() -> templates.render(WorkloadTemplatesTest.model("incbad", Map.of("value", "x"))))
                .isInstanceOf(TemplateFailure.class).hasMessageContaining("uses ?js_string");
    }

    @Test
    void noEscInsertsYamlOnPurpose() throws Exception {
        WorkloadTemplates templates = userTemplate("raw", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data: ${args.data?no_esc}
                """);
        ConfigMap cm = (ConfigMap) PARSER.parse("raw", templates.render(
                WorkloadTemplatesTest.model("raw", Map.of("data", "{a: b}")))).get(0);
        assertThat(cm.getData()).containsExactly(Map.entry("a", "b"));
    }

    private WorkloadTemplates userTemplate(String workload, String text) throws IOException {
        Path dir = Files.createDirectories(root.resolve(workload));
        Files.writeString(dir.resolve(WorkloadTemplates.ENTRY), text);
        return new WorkloadTemplates(List.of(root));
    }
}
