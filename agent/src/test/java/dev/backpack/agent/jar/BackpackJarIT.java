package dev.backpack.agent.jar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The runnable jar as users run it: {@code java -jar agent/target/backpack.jar ...} in a fresh JVM. */
class BackpackJarIT {
    static final Path JAR = Path.of(System.getProperty("backpack.jar", "target/backpack.jar"));

    @TempDir
    Path out;
    @TempDir
    Path logs;

    record Run(int exitCode, String stdout, String stderr) {
    }

    @Test
    void collectsAFixtureHostIntoFiles() throws Exception {
        Run run = java("--host-root", "src/test/resources/hosts/baremetal-sriov", "--tags", "common", "-u", "it",
                "--output", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("MODULE", "cpuinfo", "network", "documents to files:");
        assertThat(run.stderr()).doesNotContain("SLF4J", "Exception");
        assertThat(Files.readAllLines(out.resolve("network-metadata.ndjson"))).hasSize(4)
                .allSatisfy(line -> assertThat(line).contains("\"host\":\"worker-0.perf.example.com\""));
        assertThat(out.resolve("stockpile-results-raw.ndjson")).exists();
    }

    @Test
    void badFlagIsExitTwoWithOneLine() throws Exception {
        Run run = java("--tags", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).hasLineCount(1).startsWith("backpack: unknown tag nope in --tags");
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        Run run = java("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().strip()).matches("backpack \\d+\\.\\d+\\.\\d+.*");
    }

    /** agent/target/backpack, the README's command: the archive the package phase trained is used. */
    @Test
    void launcherSharesTheClassesOfItsTrainedArchive() throws Exception {
        Path launcher = JAR.resolveSibling("backpack");
        assumeTrue(Files.isRegularFile(JAR.resolveSibling("backpack.jsa")), "the build made no AppCDS archive here");
        Path classes = logs.resolve("classes.log");

        Run run = run(List.of(launcher.toString(), "--version"), Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readString(classes)).contains("dev.backpack.agent.cli.BackpackCommand source: shared objects file");
    }

    /** A missing, stale or damaged archive never breaks a run and says nothing: it runs without sharing. */
    @Test
    void launcherRunsQuietlyWithoutAUsableArchive() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the shaded jar is built in the package phase: run mvn verify");
        Path home = Files.createDirectory(out.resolve("home"));
        Files.copy(JAR.resolveSibling("backpack"), home.resolve("backpack"));
        Files.createSymbolicLink(home.resolve("backpack.jar"), JAR.toAbsolutePath());
        String launcher = home.resolve("backpack").toString();

        Run missing = run(List.of(launcher, "--version"), Map.of());
        Files.write(home.resolve("backpack.jsa"), new byte[4096]);
        Run damaged = run(List.of(launcher, "--version"), Map.of());

        for (Run run : List.of(missing, damaged)) {
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout().strip()).startsWith("backpack ");
            assertThat(run.stderr()).isEmpty();
        }
    }

    private Run java(String... args) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(JAR), "the shaded jar is built in the package phase: run mvn verify");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    private Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        Path stdout = logs.resolve("stdout");
        Path stderr = logs.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("BACKPACK_JAVA_OPTS");
        // The JDK that trained the archive; another one would (quietly) not share it.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("backpack finished").isTrue();
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
