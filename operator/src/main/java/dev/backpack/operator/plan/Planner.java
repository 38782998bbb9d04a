package dev.backpack.operator.plan;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.ServerUserInfo;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.BenchmarkSpec;
import dev.backpack.model.v1alpha1.ElasticsearchSpec;
import dev.backpack.model.v1alpha1.MetadataSpec;
import dev.backpack.model.validation.BenchmarkValidator;
import dev.backpack.model.validation.Violation;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.inject.AgentSettings;
import dev.backpack.operator.inject.TargetedInjector;
import dev.backpack.operator.template.ManifestParser;
import dev.backpack.operator.template.TemplateFailure;
import dev.backpack.operator.template.TemplateModel;
import dev.backpack.operator.template.WorkloadTemplates;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Benchmark into the objects to create: validate, render the workload template, parse it, label
 * it, inject the agent (targeted) or describe the agent DaemonSet. Pure: no cluster access, so the
 * reconciler, the {@code render} command and the benchmarks all share it.
 */
public final class Planner {
    private static final int MAX_LABEL_VALUE = 63;

    private final OperatorConfig config;
    private final WorkloadTemplates templates;
    private final ManifestParser parser = new ManifestParser();

    public Planner(OperatorConfig config, WorkloadTemplates templates) {
        this.config = config;
        this.templates = templates;
    }

    public Planner(OperatorConfig config) {
        this(config, new WorkloadTemplates(config.templateDirs()));
    }

    public Plan plan(Benchmark benchmark, String uuid) throws PlanException {
        String name = benchmark.getMetadata().getName();
        String namespace = benchmark.getMetadata().getNamespace();
        validate(benchmark);
        Optional<ServerUserInfo> userInfo = Optional.ofNullable(benchmark.getSpec().getElasticsearch())
                .flatMap(es -> ServerUserInfo.of(es.getServer()));
        BenchmarkSpec spec = userInfo.isPresent() ? withoutUserInfo(benchmark.getSpec(), name) : benchmark.getSpec();
        AgentSettings agent = new AgentSettings(spec, uuid, config.agentImage(), config.redisHost(), config.redisPort());
        MetadataSpec metadata = spec.metadataOrDefaults();

        List<HasMetadata> workload;
        try {
            TemplateModel model = model(name, namespace, uuid, spec, agent);
            String yaml = templates.render(model);
            workload = parser.parse("workload " + model.workload(), yaml);
        } catch (TemplateFailure e) {
            throw new PlanException(PlanException.Reason.TEMPLATE, e.getMessage());
        }
        for (HasMetadata object : workload) {
            object.getMetadata().setNamespace(namespace);
        }
        BenchmarkLabels.apply(workload, name, uuid);
        boolean collect = metadata.collectionEnabled();
        if (collect && metadata.targetedOrDefault()) {
            TargetedInjector.inject(workload, agent);
        }
        return new Plan(workload, collect && !metadata.targetedOrDefault()
                ? Optional.of(AgentDaemonSet.desired(name, namespace, agent)) : Optional.empty(),
                userInfo.map(u -> CredentialsSecret.desired(name, namespace, uuid, u)));
    }

    /**
     * The spec everything is rendered from when the server URL carried user info: the URL without it, and
     * the credentials referenced from the Benchmark's own Secret. The Benchmark itself is left as written.
     */
    private static BenchmarkSpec withoutUserInfo(BenchmarkSpec spec, String benchmark) {
        BenchmarkSpec copy = BenchmarkYaml.mapper().convertValue(spec, BenchmarkSpec.class);
        ElasticsearchSpec es = copy.getElasticsearch();
        es.setServer(ServerUserInfo.strip(es.getServer()));
        es.setCredentialsSecret(CredentialsSecret.reference(benchmark));
        return copy;
    }

    private void validate(Benchmark benchmark) throws PlanException {
        List<Violation> violations = new ArrayList<>(BenchmarkValidator.validate(benchmark.getSpec()));
        String name = benchmark.getMetadata().getName();
        if (name != null && name.length() > MAX_LABEL_VALUE) {
            violations.add(new Violation("metadata.name", "is " + name.length() + " characters; at most "
                    + MAX_LABEL_VALUE + " (it labels the benchmark's pods)"));
        }
        if (violations.isEmpty() && !templates.exists(benchmark.getSpec().getWorkload().getName())) {
            violations.add(new Violation("spec.workload.name", "unknown workload '"
                    + benchmark.getSpec().getWorkload().getName() + "'; available: "
                    + String.join(", ", templates.available())
                    + " (add one by mounting a template directory under BACKPACK_TEMPLATE_DIR)"));
        }
        if (!violations.isEmpty()) {
            throw PlanException.invalid(violations);
        }
    }

    static TemplateModel model(String name, String namespace, String uuid, BenchmarkSpec spec, AgentSettings agent) {
        MetadataSpec m = spec.metadataOrDefaults();
        ElasticsearchSpec es = agent.elasticsearch();
        return new TemplateModel(
                new TemplateModel.Benchmark(name, namespace),
                uuid,
                uuid.length() > 8 ? uuid.substring(0, 8) : uuid,
                spec.getWorkload().getName(),
                spec.getWorkload().getArgs(),
                new TemplateModel.Metadata(m.collectionEnabled(), m.targetedOrDefault(), m.privilegedOrDefault(),
                        m.serviceaccountOrDefault(), agent.image(), m.forceOrDefault(), m.effectiveTags(),
                        m.effectiveSkipTags(), m.labelOrEmpty()),
                new TemplateModel.Elasticsearch(es.getServer(), es.portOrDefault(), es.skipsTlsVerification()),
                new TemplateModel.Redis(agent.redisEnabled(), agent.redisHost(), agent.redisPort()));
    }
}
