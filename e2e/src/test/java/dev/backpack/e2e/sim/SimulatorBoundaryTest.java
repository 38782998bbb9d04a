package dev.backpack.e2e.sim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator is test support kept as a package of e2e, not a module of its own (CONTRIBUTING.md,
 * e2e). This keeps it one: it stands in for a cluster, so it knows Kubernetes and what a container
 * image holds (the agent's flags and listen address), never the operator, the scenarios or the other
 * e2e fixtures that use it, and its classes other than tests use no test framework.
 */
class SimulatorBoundaryTest {
    private static final Path SIM = Path.of("src/test/java/dev/backpack/e2e/sim");
    /** A class named by package, in an import or written out in full. */
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:dev\\.backpack|org\\.junit|org\\.assertj|org\\.awaitility)"
            + "(?:\\.[a-z0-9]+)*)\\.[A-Z*]");
    private static final List<String> ALLOWED = List.of("dev.backpack.e2e.sim", "dev.backpack.contract",
            "dev.backpack.agent.serve");
    /** Its own tests may build their inputs with the model and the operator's planner, and use JUnit. */
    private static final List<String> ALLOWED_IN_TESTS = List.of("dev.backpack.model", "dev.backpack.operator",
            "org.junit", "org.assertj", "org.awaitility");

    @Test
    void simulatorDependsOnlyOnKubernetesAndTheAgentsContract() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(SIM)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).as("the simulator's sources, read from the e2e module folder")
                .anyMatch(f -> f.endsWith("SimulatedCluster.java"));

        List<String> violations = new ArrayList<>();
        for (Path source : sources) {
            if (!source.endsWith(getClass().getSimpleName() + ".java")) {
                boolean test = source.getFileName().toString().endsWith("Test.java");
                violations.addAll(violations(source.getFileName().toString(), Files.readString(source), test));
            }
        }
        assertThat(violations).as("the simulator may not depend on these").isEmpty();
    }

    @Test
    void aReferenceToTheScenariosOrTheOperatorIsFound() {
        String source = """
                import dev.backpack.e2e.scenario.Benchmarks;
                import org.junit.jupiter.api.Test;
                class Kubelet { Object plan = dev.backpack.operator.plan.Planner.class; }
                """;

        assertThat(violations("Kubelet.java", source, false)).containsExactly(
                "Kubelet.java uses dev.backpack.e2e.scenario", "Kubelet.java uses org.junit.jupiter.api",
                "Kubelet.java uses dev.backpack.operator.plan");
        assertThat(violations("KubeletTest.java", source, true)).containsExactly(
                "KubeletTest.java uses dev.backpack.e2e.scenario");
    }

    private static List<String> violations(String file, String source, boolean test) {
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            String pkg = m.group(1);
            boolean allowed = within(pkg, ALLOWED) || test && within(pkg, ALLOWED_IN_TESTS);
            if (!allowed) {
                out.add(file + " uses " + pkg);
            }
        }
        return out;
    }

    private static boolean within(String pkg, List<String> roots) {
        return roots.stream().anyMatch(root -> pkg.equals(root) || pkg.startsWith(root + "."));
    }
}
