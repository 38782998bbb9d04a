package dev.backpack.operator.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTemplatesTest {
    @TempDir
    Path root;

    static TemplateModel model(String workload, Map<String, Object> args) {
        return new TemplateModel(new TemplateModel.Benchmark("b", "ns"), "0f0e0d0c-1111", "0f0e0d0c", workload, args,
                new TemplateModel.Metadata(true, false, true, "backpack-view", "agent:1", true,
                        List.of("cpu", "memory"), List.of("nvidia"), List.of(List.of("foo", "bar"))),
                new TemplateModel.Elasticsearch("https://es:9200", 9200, true),
                new TemplateModel.Redis(true, "redis.svc", 6380));
    }

    WorkloadTemplates withTemplate(String workload, String text) throws IOException {
        Path dir = Files.createDirectories(root.resolve(workload));
        Files.writeString(dir.resolve(WorkloadTemplates.ENTRY), text);
        return new WorkloadTemplates(List.of(root));
    }

    @Test
    void everyModelFieldIsReadableByName() throws Exception {
        WorkloadTemplates templates = withTemplate("all", """
                ${benchmark.name} ${benchmark.namespace} ${uuid} ${shortUuid} ${workload} ${args.n}
                ${metadata.collection} ${metadata.targeted} ${metadata.privileged} ${metadata.serviceaccount}
                ${metadata.image} ${metadata.force} ${metadata.tags?join(",")} ${metadata.skipTags?join(",")}
                ${metadata.label[0][0]}=${metadata.label[0][1]}
                ${elasticsearch.server} ${elasticsearch.port} ${elasticsearch.insecureSkipVerify}
                ${redis.enabled} ${redis.host} ${redis.port} ${1000000}
                """);
        assertThat(templates.render(model("all", Map.of("n", 3)))).isEqualTo("""
                b ns 0f0e0d0c-1111 0f0e0d0c all 3
                true false true backpack-view
                agent:1 true cpu,memory nvidia
                foo=bar
                https://es:9200 9200 true
                true redis.svc 6380 1000000
                """);
    }

    @Test
    void aTemplateRootOverridesTheBuiltInWorkload() throws Exception {
        WorkloadTemplates templates = withTemplate("byowl", "overridden ${uuid}\n");
        assertThat(templates.render(model("byowl", Map.of()))).isEqualTo("overridden 0f0e0d0c-1111\n");
        assertThat(templates.available()).containsExactly("byowl");
    }

    @Test
    void syntaxErrorsNameTheTemplateLine() throws Exception {
        WorkloadTemplates templates = withTemplate("broken", "a: 1\n<#if args.x>\nb: 2\n");
        assertThatThrownBy(() -> templates.render(model("broken", Map.of())))
                .isInstanceOf(TemplateFailure.class)
                .hasMessageContaining("workload broken: template broken/workload.yaml.ftl line");
    }

    @Test
    void namesCannotEscapeTheTemplateRoots() throws Exception {
        WorkloadTemplates templates = withTemplate("ok", "x");
        for (String name : List.of("../ok", "ok/../ok", "/etc", "OK", "", "a".repeat(64))) {
            assertThat(templates.exists(name)).as(name).isFalse();
        }
        assertThatThrownBy(() -> templates.render(model("../ok", Map.of())))
                .hasMessageStartingWith("spec.workload.name: unknown workload '../ok'; available: byowl, ok");
    }

    @Test
    void templatesCannotInstantiateClasses() throws Exception {
        WorkloadTemplates templates = withTemplate("evil",
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        assertThatThrownBy(() -> templates.render(model("evil", Map.of())))
                .isInstanceOf(TemplateFailure.class).hasMessageContaining("evil/workload.yaml.ftl line 1");
    }

    @Test
    void byowlQuotesWhateverTheUserTyped() throws Exception {
        String yaml = WorkloadTemplates.builtIn().render(model("byowl",
                Map.of("image", "img", "commands", "echo \"a: b\" # not a comment\nnext line", "clients", 2)));
        var job = (io.fabric8.kubernetes.api.model.batch.v1.Job) new ManifestParser().parse("byowl", yaml).get(0);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsExactly("echo \"a: b\" # not a comment\nnext line");
        assertThat(job.getSpec().getParallelism()).isEqualTo(2);
    }
}
