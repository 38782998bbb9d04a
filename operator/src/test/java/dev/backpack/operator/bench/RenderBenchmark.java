package dev.backpack.operator.bench;

import dev.backpack.model.BenchmarkYaml;

import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.plan.Plan;
import dev.backpack.operator.plan.Planner;
import dev.backpack.operator.template.ManifestParser;
import dev.backpack.operator.template.TemplateModel;
import dev.backpack.operator.template.WorkloadTemplates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one reconcile spends turning a Benchmark into objects: the FreeMarker render alone, render plus
 * YAML-to-fabric8 parsing, and the whole plan (validate, render, parse, label, inject or DaemonSet).
 * Run with {@code bench/operator-render.sh}.
 */
@State(Scope.Benchmark)
// sample time: the median stays meaningful on a machine shared with other work, the mean does not
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {
    static final String UUID = "0f0e0d0c-1111-2222-3333-444455556666";

    Planner planner;
    WorkloadTemplates templates;
    ManifestParser parser;
    TemplateModel model;
    dev.backpack.model.v1alpha1.Benchmark targeted;
    dev.backpack.model.v1alpha1.Benchmark daemonSet;

    @Setup
    public void setUp() throws Exception {
        OperatorConfig config = OperatorConfig.defaults().withRedis("backpack-redis.backpack.svc", 6379);
        templates = WorkloadTemplates.builtIn();
        planner = new Planner(config, templates);
        parser = new ManifestParser();
        targeted = BenchmarkYaml.parse(read("reference/enable-collection-with-es.yaml"));
        daemonSet = BenchmarkYaml.parse(read("reference/daemonset-label.yaml"));
        model = new TemplateModel(new TemplateModel.Benchmark("byowl-benchmark", "my-ripsaw"), UUID, "0f0e0d0c",
                "byowl", Map.of("image", "quay.io/jtaleric/uperf:testing", "clients", 4, "commands", "echo Test"),
                new TemplateModel.Metadata(true, true, false, "default", "img", false, List.of("common"), List.of(),
                        List.of()),
                new TemplateModel.Elasticsearch("my.elastic.server.foo", 9200, false),
                new TemplateModel.Redis(true, "backpack-redis.backpack.svc", 6379));
    }

    private static String read(String path) throws IOException {
        try (InputStream in = RenderBenchmark.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public String templateOnly() throws Exception {
        return templates.render(model);
    }

    @Benchmark
    public Object renderAndParse() throws Exception {
        return parser.parse("byowl", templates.render(model));
    }

    @Benchmark
    public Plan planTargeted() throws Exception {
        return planner.plan(targeted, UUID);
    }

    @Benchmark
    public Plan planDaemonSet() throws Exception {
        return planner.plan(daemonSet, UUID);
    }
}
