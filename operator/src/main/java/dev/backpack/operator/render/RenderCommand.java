package dev.backpack.operator.render;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.validation.BenchmarkValidator;
import dev.backpack.model.validation.InvalidBenchmarkException;
import dev.backpack.operator.ExitCodes;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.plan.Plan;
import dev.backpack.operator.plan.PlanException;
import dev.backpack.operator.plan.Planner;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code backpack-operator render -f benchmark.yaml}: prints every object the operator would create for a
 * Benchmark, as multi-document YAML, without a cluster (like {@code helm template}). Owner references are
 * added at apply time (they need the live Benchmark's uid) and so are not shown.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the objects the operator would create for a Benchmark (no cluster needed).")
public class RenderCommand implements Callable<Integer> {
    static final String PREVIEW_UUID = "00000000-0000-0000-0000-000000000000";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    ConfigSource parent;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The Benchmark YAML.")
    Path file;

    @Option(names = "--uuid", paramLabel = "UUID", description = "The uuid to render with (default: the CR's status.uuid, else ${DEFAULT-VALUE}).",
            defaultValue = PREVIEW_UUID)
    String uuid;

    @Option(names = "--agent-image", paramLabel = "IMAGE", description = "Default agent image (default: BACKPACK_AGENT_IMAGE or the built-in one).")
    String agentImage;

    @Option(names = "--redis-host", paramLabel = "HOST", description = "Redis Service the agents use (default: BACKPACK_REDIS_HOST; none = no Redis flags).")
    String redisHost;

    @Option(names = "--redis-port", paramLabel = "PORT", description = "Redis port (default: BACKPACK_REDIS_PORT or 6379).")
    Integer redisPort;

    /** Where the defaults come from (the environment, in the real CLI). */
    public interface ConfigSource {
        OperatorConfig config();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OperatorConfig config = parent.config();
        if (agentImage != null) {
            config = config.withAgentImage(agentImage);
        }
        if (redisHost != null || redisPort != null) {
            config = config.withRedis(redisHost != null ? redisHost : config.redisHost(),
                    redisPort != null ? redisPort : config.redisPort());
        }
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("-f: no such file " + file);
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("-f: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            List<BenchmarkDocuments.Document> documents = BenchmarkDocuments.read(yaml);
            // Every document is planned before anything is printed: all of them, or none and the reason.
            List<Plan> plans = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                String where = documents.size() > 1 ? "document " + (i + 1) + ": " : "";
                Benchmark benchmark = documents.get(i).benchmark();
                if (benchmark.getMetadata() == null || benchmark.getMetadata().getName() == null) {
                    err.println(file + ": " + where + "metadata.name is required");
                    return ExitCodes.USAGE;
                }
                if (benchmark.getMetadata().getNamespace() == null) {
                    benchmark.getMetadata().setNamespace("default");
                }
                String effectiveUuid = PREVIEW_UUID.equals(uuid) && benchmark.getStatus() != null
                        && benchmark.getStatus().getUuid() != null ? benchmark.getStatus().getUuid() : uuid;
                try {
                    plans.add(new Planner(config).plan(benchmark, effectiveUuid));
                } catch (PlanException e) {
                    err.println(file + ": " + where + e.getMessage());
                    return ExitCodes.USAGE;
                }
                Stream.concat(documents.get(i).warnings().stream(), BenchmarkValidator.warnings(benchmark.getSpec()).stream())
                        .forEach(w -> warnings.add(file + ": " + where + "warning: " + w));
            }
            warnings.forEach(err::println);
            KubernetesSerialization yamlWriter = new KubernetesSerialization();
            for (Plan plan : plans) {
                plan.credentials().ifPresent(secret -> out.print("# The operator creates Secret "
                        + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName()
                        + " (owned by the Benchmark, keys " + String.join(" and ", secret.getData().keySet().stream().sorted().toList())
                        + ") from the user info of spec.elasticsearch.server;\n# the agents read it through secretKeyRef."
                        + " Its values are not shown.\n"));
                for (HasMetadata object : plan.all()) {
                    out.print(yamlWriter.asYaml(object));
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (InvalidBenchmarkException e) {
            err.println(file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
