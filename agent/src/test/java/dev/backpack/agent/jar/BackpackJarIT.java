package dev.backpack.agent.jar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.sink.search.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

    /**
     * What a collection into files need not load, which it once did: databind (ids and lines are written
     * with the streaming generator), logging (nothing is logged), the other subcommands' classes.
     */
    @Test
    void aCollectionIntoFilesLoadsNoDatabindNoLoggingAndNoOtherSubcommand() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the shaded jar is built in the package phase: run mvn verify");
        Path classes = logs.resolve("classes.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-jar", JAR.toString(), "--host-root",
                "src/test/resources/hosts/baremetal-sriov", "--tags", "common", "-u", "it", "--output", out.toString());

        Run run = run(command, Map.of());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the log is real").anyMatch(l -> l.contains(" dev.backpack.agent.sink.files.FileSink "));
        assertThat(loaded).noneMatch(l -> l.contains(" com.fasterxml.jackson.databind."))
                .noneMatch(l -> l.contains(" ch.qos.logback.") || l.contains(" org.slf4j."))
                .noneMatch(l -> l.contains(" dev.backpack.agent.cli.DiffCommand ") || l.contains(" dev.backpack.agent.cli.ReportCommand "));
    }

    @Test
    void badFlagIsExitTwoWithOneLine() throws Exception {
        Run run = java("--tags", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).hasLineCount(1).startsWith("backpack: unknown tag nope in --tags");
    }

    /** Issue 16: four agents at once, one --output, different uuids: every line whole, every run kept. */
    @Test
    void fourAgentsIntoOneFolderAtOnceLoseNothing() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the shaded jar is built in the package phase: run mvn verify");
        List<Process> agents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agents.add(start(List.of("--host-root", "src/test/resources/hosts/baremetal-sriov", "--tags", "common",
                    "-u", "shared-" + i, "--output", out.toString()), "agent-" + i));
        }
        for (Process agent : agents) {
            assertThat(agent.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.exitValue()).as(Files.readString(logs.resolve("agent-" + agents.indexOf(agent) + ".err")))
                    .isZero();
        }
        ObjectMapper json = new ObjectMapper();
        try (var files = Files.list(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
                Map<String, Integer> byUuid = new TreeMap<>();
                for (String line : Files.readAllLines(file)) {
                    byUuid.merge(json.readTree(line).get("uuid").asText(), 1, Integer::sum); // a torn line throws
                }
                assertThat(byUuid).as(file.getFileName().toString())
                        .containsOnlyKeys("shared-0", "shared-1", "shared-2", "shared-3");
                assertThat(new java.util.HashSet<>(byUuid.values())).as(file + ": every run the same count").hasSize(1);
            }
        }
        assertThat(Files.readAllLines(out.resolve("stockpile-results-raw.ndjson"))).hasSize(4);
    }

    /** Issue 16: SIGTERM during delivery exited 143 silently; now it says what was delivered and why it stopped. */
    @Test
    void sigtermDuringDeliverySaysHowFarItGotAndWritesTheTerminationLog() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the shaded jar is built in the package phase: run mvn verify");
        Path terminationLog = logs.resolve("termination-log");
        try (SilentServer silent = new SilentServer()) {
            Process agent = start(List.of("--host-root", "src/test/resources/hosts/baremetal-sriov", "--tags", "cpu",
                    "-u", "sigterm", "-s", "127.0.0.1:" + silent.port(), "--timeout", "2m",
                    "--termination-log", terminationLog.toString()), "sigterm");
            Path stderr = logs.resolve("sigterm.err");
            await().atMost(Duration.ofSeconds(60)).until(() -> silent.accepted() > 0
                    && Files.readString(stderr).contains("delivering"));

            agent.destroy(); // SIGTERM, as the kubelet sends it

            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.exitValue()).isEqualTo(143);
            assertThat(Files.readString(stderr)).contains("backpack: terminated while delivering to http://127.0.0.1:"
                    + silent.port() + ": 0 of 1 documents delivered");
            JsonNode summary = new ObjectMapper().readTree(Files.readString(terminationLog));
            assertThat(summary.get("status").asText()).isEqualTo("failed");
            assertThat(summary.get("errors").get(0).asText()).startsWith("terminated while delivering");
        }
    }

    /** Issue 16: --verbose promised stack traces, but a failed delivery showed none. */
    @Test
    void verboseShowsTheStackTraceOfAFailedDelivery() throws Exception {
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        String[] args = {"--host-root", "src/test/resources/hosts/baremetal-sriov", "--tags", "cpu", "-u", "verbose",
                "-s", "127.0.0.1:" + closed, "--index-retries", "0", "--timeout", "5s"};
        Run quiet = java(args);
        List<String> verboseArgs = new ArrayList<>(List.of(args));
        verboseArgs.add("--verbose");
        Run verbose = java(verboseArgs.toArray(String[]::new));

        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.stderr()).contains("cannot connect to").doesNotContain("\tat ");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.stderr()).contains("ConnectException", "\tat ");
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        Run run = java("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().strip()).matches("backpack \\d+\\.\\d+\\.\\d+.*");
    }

    private Process start(List<String> args, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile()).start();
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

    /**
     * The package phase also trains on a de-duplicated run against CdsTrainingServers' stand-ins: the
     * index check and Redis client are in the class list, and a run with Redis shares Jedis's classes.
     */
    @Test
    void archiveHoldsTheDeduplicatedPathToo() throws Exception {
        Path launcher = JAR.resolveSibling("backpack");
        Path classList = JAR.resolveSibling("backpack.classlist");
        assumeTrue(Files.isRegularFile(JAR.resolveSibling("backpack.jsa")), "the build made no AppCDS archive here");
        assertThat(Files.readString(classList)).as("classes of the de-duplicated training run")
                .contains("dev/backpack/agent/sink/search/IndexProbe", "redis/clients/jedis/Jedis",
                        "dev/backpack/agent/sink/files/FileSink");
        Path classes = logs.resolve("dedup-classes.log");
        int closedPort; // nothing listens there once the socket is closed
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        // Redis and the search server both closed: the Redis client starts (from the archive), then the
        // run collects without de-duplication and its delivery fails.
        Run run = run(List.of(launcher.toString(), "--tags", "kernel", "-u", "u1", "-n", "n1",
                        "-s", "http://127.0.0.1:" + closedPort, "--index-retries", "0", "--timeout", "5s",
                        "--termination-log", out.resolve("dedup-termination-log").toString(),
                        "--redisip", "127.0.0.1", "--redisport", String.valueOf(closedPort)),
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes));

        assertThat(run.stderr()).contains("Redis unreachable; collecting without de-duplication");
        assertThat(Files.readString(classes)).contains("redis.clients.jedis.Jedis source: shared objects file");
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
        List<Run> runs = new ArrayList<>(List.of(missing, damaged));
        Path trained = JAR.resolveSibling("backpack.jsa");
        if (Files.isRegularFile(trained)) {
            // Stale: an archive trained for another jar (here the build's, at another path and time).
            Files.copy(trained, home.resolve("backpack.jsa"), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(home.resolve("backpack.jar"));
            Files.copy(JAR, home.resolve("backpack.jar"));
            Files.setLastModifiedTime(home.resolve("backpack.jar"), FileTime.fromMillis(0));
            runs.add(run(List.of(launcher, "--version"), Map.of()));
        }

        for (Run run : runs) {
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
