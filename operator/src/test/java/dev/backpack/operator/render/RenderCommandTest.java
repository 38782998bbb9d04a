package dev.backpack.operator.render;

import dev.backpack.operator.OperatorMain;
import dev.backpack.operator.TestBenchmarks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(Map<String, String> env, String... args) {
        CommandLine cli = OperatorMain.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    static List<HasMetadata> objects(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (!doc.isBlank()) {
                objects.add(new KubernetesSerialization().unmarshal(
                        new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), HasMetadata.class));
            }
        }
        return objects;
    }

    @Test
    void somethingElseThanABenchmarkIsNamedByItsKind() throws IOException {
        Path deployment = write("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {}\n");
        assertThat(run(Map.of(), "render", "-f", deployment.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(deployment + ": (document): is apiVersion: apps/v1, kind: Deployment;"
                + " render takes Benchmarks (apiVersion: ripsaw.cloudbulldozer.io/v1alpha1, kind: Benchmark)\n");
        assertThat(out.toString()).isEmpty();

        Path configMap = write("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n");
        assertThat(run(Map.of(), "render", "-f", configMap.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("kind: ConfigMap; render takes Benchmarks").doesNotContain("spec.workload");
    }

    @Test
    void everyBenchmarkOfAMultiDocumentFileIsRendered() throws IOException {
        String one = TestBenchmarks.read("reference/enable-collection-with-es.yaml");
        Path file = write("two.yaml", one + "\n---\n" + one.replace("name: byowl-benchmark", "name: second") + "\n---\n");
        int code = run(Map.of(), "render", "-f", file.toString(), "--uuid", "abcdef12-0000-0000-0000-000000000000");
        assertThat(code).as(err.toString()).isZero();
        assertThat(objects(out.toString())).extracting(o -> o.getMetadata().getLabels().get("backpack.dev/benchmark"))
                .containsExactly("byowl-benchmark", "second");
    }

    @Test
    void aBadDocumentAmongGoodOnesRefusesTheFileNamingIt() throws IOException {
        String one = TestBenchmarks.read("reference/enable-collection-with-es.yaml");
        Path file = write("two.yaml", one + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n");
        assertThat(run(Map.of(), "render", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(file + ": document 2: (document): is apiVersion: apps/v1, kind: Deployment");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownMetadataKeysAndLabelsInTargetedModeAreWarnedAbout() throws IOException {
        Path cr = write("b.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("    collection: true", "    collection: true\n    colection: true\n    label: [[foo, bar]]"));
        assertThat(run(Map.of(), "render", "-f", cr.toString())).as(err.toString()).isZero();
        assertThat(err.toString().lines()).containsExactly(
                cr + ": warning: spec.metadata.colection: is not a known key and is ignored (the API server drops it);"
                        + " known: collection, force, image, label, privileged, serviceaccount, stockpileSkipTags,"
                        + " stockpileTags, stockpile_skip_tags, stockpile_tags, targeted",
                cr + ": warning: spec.metadata.label: is ignored with targeted: true (the agents run in the workload's"
                        + " pods); set targeted: false to run them as a DaemonSet on the labelled nodes");
        assertThat(objects(out.toString())).singleElement().isInstanceOf(Job.class);
    }

    @Test
    void credentialsInTheServerUrlAreNamedAsASecretNeverShown() throws IOException {
        Path cr = write("b.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("\"my.elastic.server.foo\"", "\"https://writer:s3cr3t-pw@es.example:9243\""));
        int code = run(Map.of(), "render", "-f", cr.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).doesNotContain("s3cr3t-pw").doesNotContain("writer")
                .startsWith("# The operator creates Secret my-ripsaw/byowl-benchmark-es-credentials (owned by the"
                        + " Benchmark, keys password and username)");
        Job job = (Job) objects(out.toString().replaceAll("(?m)^#.*\n", "")).get(0);
        var agent = job.getSpec().getTemplate().getSpec().getInitContainers().get(0);
        assertThat(agent.getArgs()).contains("-s=https://es.example:9243");
        assertThat(agent.getEnv()).extracting(e -> e.getValueFrom().getSecretKeyRef() == null ? null
                : e.getValueFrom().getSecretKeyRef().getName()).contains("byowl-benchmark-es-credentials");
    }

    @Test
    void rendersTheTargetedJobWithTheGivenUuidAndRedis() throws IOException {
        Path cr = write("b.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml"));
        int code = run(Map.of(), "render", "-f", cr.toString(), "--uuid", "abcdef12-0000-0000-0000-000000000000",
                "--redis-host", "redis.backpack.svc", "--agent-image", "example/agent:2");
        assertThat(code).as(err.toString()).isZero();
        List<HasMetadata> objects = objects(out.toString());
        assertThat(objects).singleElement().isInstanceOf(Job.class);
        Job job = (Job) objects.get(0);
        assertThat(job.getMetadata().getName()).isEqualTo("byowl-abcdef12");
        var agent = job.getSpec().getTemplate().getSpec().getInitContainers().get(0);
        assertThat(agent.getImage()).isEqualTo("example/agent:2");
        assertThat(agent.getArgs()).contains("-u=abcdef12-0000-0000-0000-000000000000",
                "--redisip=redis.backpack.svc", "--redisport=6379");
    }

    @Test
    void rendersTheDaemonSetFirstInDaemonSetMode() throws IOException {
        Path cr = write("ds.yaml", TestBenchmarks.read("reference/daemonset-label.yaml"));
        assertThat(run(Map.of(), "render", "-f", cr.toString())).as(err.toString()).isZero();
        List<HasMetadata> objects = objects(out.toString());
        assertThat(objects).hasSize(2);
        assertThat(objects.get(0)).isInstanceOf(DaemonSet.class);
        assertThat(objects.get(1)).isInstanceOf(Job.class);
        assertThat(((DaemonSet) objects.get(0)).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .noneMatch(a -> a.startsWith("--redisip"));
    }

    @Test
    void environmentDefaultsApply() throws IOException {
        Path cr = write("b.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml"));
        assertThat(run(Map.of("BACKPACK_REDIS_HOST", "r.ns.svc", "BACKPACK_REDIS_PORT", "6380"),
                "render", "-f", cr.toString())).isZero();
        assertThat(out.toString()).contains("--redisip=r.ns.svc", "--redisport=6380");
    }

    @Test
    void badBenchmarkExitsTwoNamingTheField() throws IOException {
        Path cr = write("bad.yaml", TestBenchmarks.read("reference/enable-collection.yaml"));
        assertThat(run(Map.of(), "render", "-f", cr.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("spec.elasticsearch.server").doesNotContain("Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void typeErrorExitsTwoNamingTheField() throws IOException {
        Path cr = write("bad.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("collection: true", "collection: maybe"));
        assertThat(run(Map.of(), "render", "-f", cr.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("spec.metadata.collection").hasLineCount(1);
    }

    @Test
    void missingFileExitsTwo() {
        assertThat(run(Map.of(), "render", "-f", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void badEnvironmentExitsTwoNamingTheVariable() throws IOException {
        Path cr = write("b.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml"));
        assertThat(run(Map.of("BACKPACK_REDIS_PORT", "lots"), "render", "-f", cr.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("BACKPACK_REDIS_PORT=lots").hasLineCount(1);
    }

    @Test
    void userTemplateDirectoryAddsAWorkloadAndGetsInjection() throws IOException {
        Path fio = Files.createDirectories(dir.resolve("templates/fio"));
        Files.writeString(fio.resolve("workload.yaml.ftl"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: "fio-${shortUuid}"
                spec:
                  replicas: ${args.replicas!1}
                  selector:
                    matchLabels: {app: "fio-${shortUuid}"}
                  template:
                    metadata:
                      labels: {app: "fio-${shortUuid}"}
                    spec:
                      containers:
                        - name: fio
                          image: "${args.image}"
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: "fio-${shortUuid}-jobfile"
                data:
                  uuid: "${uuid}"
                  es: "${elasticsearch.server}:${elasticsearch.port}"
                """);
        Path cr = write("fio.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("    name: byowl\n", "    name: fio\n"));
        int code = run(Map.of("BACKPACK_TEMPLATE_DIR", dir.resolve("templates").toString()),
                "render", "-f", cr.toString(), "--uuid", "12345678-aaaa-bbbb-cccc-dddddddddddd");
        assertThat(code).as(err.toString()).isZero();
        List<HasMetadata> objects = objects(out.toString());
        assertThat(objects).extracting(HasMetadata::getKind).containsExactly("Deployment", "ConfigMap");
        var deployment = (io.fabric8.kubernetes.api.model.apps.Deployment) objects.get(0);
        assertThat(deployment.getSpec().getTemplate().getSpec().getInitContainers()).extracting(c -> c.getName())
                .containsExactly("backpack");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("backpack.dev/uuid", "12345678-aaaa-bbbb-cccc-dddddddddddd");
        assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) objects.get(1)).getData())
                .containsEntry("es", "my.elastic.server.foo:9200");
    }

    @Test
    void templateErrorNamesTheTemplateLine() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("templates/broken"));
        Files.writeString(broken.resolve("workload.yaml.ftl"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${args.missing}\n");
        Path cr = write("b.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("    name: byowl\n", "    name: broken\n"));
        assertThat(run(Map.of("BACKPACK_TEMPLATE_DIR", dir.resolve("templates").toString()), "render", "-f", cr.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("broken/workload.yaml.ftl line 4").hasLineCount(1);
    }

    @Test
    void invalidRenderedYamlNamesTheRenderedLine() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("templates/badyaml"));
        Files.writeString(broken.resolve("workload.yaml.ftl"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: [\n");
        Path cr = write("b.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("    name: byowl\n", "    name: badyaml\n"));
        assertThat(run(Map.of("BACKPACK_TEMPLATE_DIR", dir.resolve("templates").toString()), "render", "-f", cr.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("rendered invalid YAML at rendered line").hasLineCount(1);
    }

    @Test
    void aBenchmarkExportedFromTheClusterKeepsItsUuid() throws IOException {
        Path cr = write("live.yaml", TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("  namespace: my-ripsaw\n", "") + "status:\n  uuid: feedbeef-0000-0000-0000-000000000000\n");
        assertThat(run(Map.of(), "render", "-f", cr.toString())).as(err.toString()).isZero();
        Job job = (Job) objects(out.toString()).get(0);
        assertThat(job.getMetadata().getName()).isEqualTo("byowl-feedbeef");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("default");
    }
}
