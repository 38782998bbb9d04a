package dev.backpack.charts.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind workflow is correct by construction: it runs the README's test command, builds the images
 * from Dockerfiles that exist, loads exactly those images, installs this chart with values that exist,
 * and runs the e2e module's kind profile. Nothing else (kubectl only to print diagnostics on failure).
 */
class KindWorkflowTest {
    private static final Path ROOT = Path.of(System.getProperty("backpack.repoRoot", ".."));
    private static JsonNode workflow;
    private static List<String> commands;

    @BeforeAll
    static void read() throws IOException {
        workflow = new YAMLMapper().readTree(ROOT.resolve(".github/workflows/kind.yml").toFile());
        commands = new ArrayList<>();
        for (JsonNode step : workflow.at("/jobs/kind/steps")) {
            if (step.has("run")) {
                String run = step.get("run").asText().replace("\\\n", " ");
                run.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(commands::add);
            }
        }
    }

    @Test
    void runsTheReadmeTestCommandFirst() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher bash = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> readmeCommands = new ArrayList<>();
        while (bash.find()) {
            bash.group(1).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(readmeCommands::add);
        }
        assertThat(readmeCommands).contains("mvn -B verify");
        assertThat(commands.get(0)).isEqualTo("mvn -B verify");
    }

    @Test
    void usesOnlyMavenDockerKindAndHelm() {
        List<String> diagnostics = new ArrayList<>();
        for (JsonNode step : workflow.at("/jobs/kind/steps")) {
            if ("failure()".equals(step.path("if").asText())) {
                step.path("run").asText().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(diagnostics::add);
            }
        }
        assertThat(commands).allSatisfy(c -> assertThat(
                c.startsWith("mvn -B ") || c.startsWith("docker build ") || c.startsWith("kind load docker-image ")
                        || c.startsWith("helm install ") || diagnostics.contains(c))
                .as(c).isTrue());
        assertThat(diagnostics).allSatisfy(c -> assertThat(c).startsWith("kubectl ").endsWith("|| true"));
        assertThat(commands).contains("mvn -B -Pkind verify -pl e2e -am");
    }

    @Test
    void buildsLoadsAndInstallsTheSameImages() {
        List<String> built = new ArrayList<>();
        Matcher build = Pattern.compile("docker build -f (\\S+) -t (\\S+) \\.").matcher(String.join("\n", commands));
        while (build.find()) {
            assertThat(ROOT.resolve(build.group(1))).as("Dockerfile").isRegularFile();
            built.add(build.group(2));
        }
        assertThat(built).containsExactlyInAnyOrder(
                "ghcr.io/backpack-dev/backpack-agent:${IMAGE_TAG}", "ghcr.io/backpack-dev/backpack-operator:${IMAGE_TAG}");

        List<String> loaded = commands.stream().filter(c -> c.startsWith("kind load docker-image "))
                .map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(built);

        String install = commands.stream().filter(c -> c.startsWith("helm install ")).findFirst().orElseThrow();
        assertThat(install).as("one command: continuation lines are joined").startsWith("helm install backpack charts/backpack ")
                .contains("--set operator.image.tag=\"${IMAGE_TAG}\"", "--set agent.image.tag=\"${IMAGE_TAG}\"", "--wait");
        assertThat(ROOT.resolve("charts/backpack/Chart.yaml")).isRegularFile();
    }
}
