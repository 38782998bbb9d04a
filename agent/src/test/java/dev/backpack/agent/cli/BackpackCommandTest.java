package dev.backpack.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end through its entry point, against a fixture host. */
class BackpackCommandTest {
    static final Path HOSTS = Path.of("src/test/resources/hosts");
    static final Path HOST = HOSTS.resolve("firecracker-vm");
    final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void collectsIntoOneFilePerModuleAndPrintsTheSummary() throws IOException {
        CliRunner.Result r = CliRunner.run("--host-root", HOST.toString(), "--tags", "common", "-u", "u-1",
                "-n", "node-a", "--output", out.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("MODULE", "DOCUMENTS", "TIME", "STATUS", "cpuinfo", "sysctl", "dmidecode");
        assertThat(r.out()).doesNotContain("(generated)");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("cpuinfo-metadata.ndjson", "meminfo-metadata.ndjson", "sysctl-metadata.ndjson",
                            "stockpile-results-raw.ndjson");
        }
        List<String> lines = Files.readAllLines(out.resolve("cpuinfo-metadata.ndjson"));
        assertThat(lines).hasSize(1);
        JsonNode doc = json.readTree(lines.get(0));
        assertThat(doc.get("module").asText()).isEqualTo("cpuinfo");
        assertThat(doc.get("host").asText()).isEqualTo("node-a");
        assertThat(doc.get("node_name").asText()).isEqualTo("node-a");
        assertThat(doc.get("uuid").asText()).isEqualTo("u-1");
        assertThat(doc.get("_id").asText()).hasSize(64);
        assertThat(doc.at("/value/cpus").asInt()).isEqualTo(2);
    }

    @Test
    void generatesAndPrintsTheUuidAndDefaultsTheNodeNameToTheHostName() throws IOException {
        CliRunner.Result r = CliRunner.run("--host-root", HOST.toString(), "--tags", "cpu", "--output", out.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("uuid: [0-9a-f-]{36} \\(generated\\)");
        JsonNode doc = json.readTree(Files.readAllLines(out.resolve("cpuinfo-metadata.ndjson")).get(0));
        assertThat(doc.get("host").asText()).isEqualTo("vm"); // the fixture's /proc/sys/kernel/hostname
    }

    @Test
    void jsonSummaryIsMachineReadable() throws IOException {
        CliRunner.Result r = CliRunner.run("--host-root", HOST.toString(), "--tags=memory,cpu", "-u=u-2", "-n=n",
                "--output", out.toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = json.readTree(r.out());
        assertThat(summary.get("uuid").asText()).isEqualTo("u-2");
        assertThat(summary.get("ok").asBoolean()).isTrue();
        assertThat(summary.get("modules")).hasSize(2);
        assertThat(summary.at("/modules/0/module").asText()).isEqualTo("cpuinfo");
        assertThat(summary.at("/modules/0/status").asText()).isEqualTo("ok");
        assertThat(summary.get("output").asText()).isEqualTo(out.toAbsolutePath().normalize().toString());
    }

    @Test
    void defaultTagsWithoutAClusterSkipTheKubernetesModulesAndSucceed() {
        CliRunner.Result r = CliRunner.run("--host-root", HOST.toString(), "-u", "u", "--output", out.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("k8s_nodes\\s+0\\s+\\d+ ms\\s+skipped: no cluster in tests")
                .containsPattern("ocp_install_config\\s+0\\s+\\d+ ms\\s+skipped: no cluster in tests")
                .contains("cpuinfo", "block");
    }

    @Test
    void unprivilegedHostShowsWhatWasSkippedAndWhy() throws IOException {
        CliRunner.Result r = CliRunner.run("--host-root", HOSTS.resolve("ubuntu-unprivileged").toString(), "--tags", "all",
                "--skip-tags", "k8s,openshift", "-u", "u", "--output", out.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("note: skipped 5 item(s): /sys/class/dmi/id/product_serial (needs root")
                .containsPattern("lspci\\s+0\\s+\\d+ ms\\s+skipped: no PCI bus")
                .containsPattern("packages\\s+2\\s+");
        assertThat(Files.readAllLines(out.resolve("dmidecode-metadata.ndjson")))
                .anySatisfy(line -> assertThat(line).contains("\"section\":\"skipped\""));
        assertThat(Files.readAllLines(out.resolve("cpuinfo-metadata.ndjson")).get(0))
                .contains("\"host\":\"aks-nodepool1-12345678-vmss000000\"");
    }

    @Test
    void stockpileWrapperFlagFormsAreAccepted() {
        CliRunner.Result r = CliRunner.run("-u", "x", "-n=node", "-N", "pod-1", "--redisip=10.0.0.1", "--redisport",
                "6380", "--force", "--index-retries=5", "--sslskipverify", "--tags=cpu", "--host-root=" + HOST,
                "--output=" + out);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void sslSkipVerifyIsABooleanAliasWithAnOptionalValue() {
        BackpackCommand command = parse("--sslskipverify=false");
        assertThat(command.server.insecureSkipVerify()).isFalse();
        assertThat(parse("--sslskipverify").server.insecureSkipVerify()).isTrue();
        assertThat(parse("--insecure-skip-verify", "true").server.insecureSkipVerify()).isTrue();
        assertThat(parse().server.insecureSkipVerify()).isFalse();
    }

    @Test
    void everyOptionIsParsedIntoItsOptionObject() {
        BackpackCommand c = parse("-s=https://es:9200", "-p", "9201", "--cacert", "/ca.crt", "--username-file", "/u",
                "--password-file", "/p", "--timeout", "2m", "--index-retries", "7", "--redisip", "r", "--redisport",
                "1", "--force", "--optional", "--termination-log", "/t", "--listen", ":9090", "--ready-file", "/r");
        assertThat(c.server.server()).isEqualTo("https://es:9200");
        assertThat(c.server.port()).isEqualTo(9201);
        assertThat(c.server.caCert()).isEqualTo(Path.of("/ca.crt"));
        assertThat(c.server.usernameFile()).isEqualTo(Path.of("/u"));
        assertThat(c.server.passwordFile()).isEqualTo(Path.of("/p"));
        assertThat(c.server.timeout()).hasMinutes(2);
        assertThat(c.server.indexRetries()).isEqualTo(7);
        assertThat(c.redis.redisHost()).isEqualTo("r");
        assertThat(c.redis.redisPort()).isEqualTo(1);
        assertThat(c.redis.force()).isTrue();
        assertThat(c.lifecycle.optional()).isTrue();
        assertThat(c.lifecycle.terminationLog()).isEqualTo(Path.of("/t"));
        assertThat(c.lifecycle.listen()).isEqualTo(":9090");
        assertThat(c.lifecycle.readyFile()).isEqualTo(Path.of("/r"));
    }

    @Test
    void unknownTagIsUsageErrorListingKnownTags() {
        CliRunner.Result r = CliRunner.run("--tags", "cpu,bogus", "--host-root", HOST.toString(), "--output", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).hasLineCount(1)
                .contains("unknown tag bogus in --tags", "known tags:", "common", "sysctl");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void unknownFlagIsOneLineWithoutStackTrace() {
        CliRunner.Result r = CliRunner.run("--bogus");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).hasLineCount(1).startsWith("backpack: Unknown option: '--bogus'");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void malformedValuesNameTheFlag() {
        CliRunner.Result port = CliRunner.run("-p", "http");
        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err().strip()).hasLineCount(1).contains("--port");

        CliRunner.Result timeout = CliRunner.run("--timeout", "soon");
        assertThat(timeout.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(timeout.err().strip()).hasLineCount(1).contains("--timeout", "30s");

        CliRunner.Result root = CliRunner.run("--host-root", "/does/not/exist");
        assertThat(root.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(root.err().strip()).hasLineCount(1).contains("--host-root");
    }

    @Test
    void aUuidThatIsAPathNeedsAnExplicitOutput() {
        CliRunner.Result r = CliRunner.run("-u", "../../etc", "--tags", "cpu", "--host-root", HOST.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).hasLineCount(1).contains("-u/--uuid '../../etc' cannot name the output folder; pass --output");
        assertThat(AgentCommand.defaultOutput("abc-123")).isEqualTo(Path.of("backpack-output", "abc-123"));
    }

    @Test
    void anUnreachableServerFailsWithOneLineNamingIt() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path log = out.resolve("termination-log");
        CliRunner.Result r = CliRunner.run("-s", "127.0.0.1", "-p", String.valueOf(closed), "--index-retries", "0",
                "--tags", "cpu", "--host-root", HOST.toString(), "-u", "u-3", "--termination-log", log.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("backpack: delivery to http://127.0.0.1:" + closed + " failed for 1 documents");
        JsonNode summary = json.readTree(Files.readString(log));
        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").get(0).asText()).contains("cannot connect to http://127.0.0.1:" + closed);
    }

    @Test
    void badServerSettingsAreUsageErrorsWithoutThePassword() {
        CliRunner.Result scheme = CliRunner.run("-s", "ftp://es.example", "--host-root", HOST.toString());
        assertThat(scheme.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(scheme.err().strip()).hasLineCount(1).contains("-s/--server", "not http or https");

        CliRunner.Result port = CliRunner.run("-s", "https://elastic:Hunter2-secret@es.example:9x", "--host-root",
                HOST.toString());
        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("elastic:***@").doesNotContain("Hunter2-secret");

        CliRunner.Result ca = CliRunner.run("-s", "https://es.example", "--cacert", "/does/not/exist.pem",
                "--host-root", HOST.toString());
        assertThat(ca.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ca.err().strip()).hasLineCount(1).contains("--cacert /does/not/exist.pem cannot be read");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRunner.Result r = CliRunner.run("-s", "ftp://es.example", "--verbose", "--host-root", HOST.toString());
        assertThat(r.err()).contains("BackpackException", "\tat ");
    }

    @Test
    void aFailedModuleExitsOneAndTheOthersStillRun(@TempDir Path brokenRoot) throws IOException {
        // A host root without /proc/cpuinfo: cpuinfo fails, the others are collected or skipped.
        Files.createDirectories(brokenRoot.resolve("proc/sys/kernel"));
        Files.writeString(brokenRoot.resolve("proc/sys/kernel/hostname"), "broken\n");
        Files.writeString(brokenRoot.resolve("proc/meminfo"), "MemTotal: 1024 kB\n");
        Path log = out.resolve("termination-log");
        CliRunner.Result r = CliRunner.run("--host-root", brokenRoot.toString(), "--tags", "cpu,memory",
                "--output", out.resolve("docs").toString(), "--termination-log", log.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).containsPattern("cpuinfo\\s+0\\s+\\d+ ms\\s+error: /proc/cpuinfo is not readable");
        assertThat(r.out()).containsPattern("meminfo\\s+1\\s+");
        assertThat(r.err()).contains("backpack: collection failed for cpuinfo");
        assertThat(out.resolve("docs/meminfo-metadata.ndjson")).exists();
        JsonNode summary = json.readTree(Files.readString(log));
        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(summary.get("modules").asInt()).isEqualTo(1);
        assertThat(summary.get("errors").get(0).asText()).startsWith("cpuinfo: /proc/cpuinfo is not readable");
    }

    @Test
    void optionalTurnsAFailureIntoExitZero(@TempDir Path emptyRoot) {
        CliRunner.Result r = CliRunner.run("--host-root", emptyRoot.toString(), "-n", "n", "--tags", "cpu",
                "--output", out.toString(), "--optional");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("(ignored: --optional)");
    }

    @Test
    void readyFileIsCreatedAfterDelivery() {
        Path ready = out.resolve("ready");
        CliRunner.Result r = CliRunner.run("--host-root", HOST.toString(), "--tags", "cpu", "--output",
                out.resolve("docs").toString(), "--ready-file", ready.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(ready).exists();
    }

    @Test
    void progressIsPlainLinesWhenPipedAndOneRedrawnLineOnATerminal() {
        CliRunner.Result piped = CliRunner.run("--host-root", HOST.toString(), "--tags", "cpu,memory", "-n", "n",
                "--output", out.resolve("a").toString());
        assertThat(piped.err()).contains("[1/2] cpuinfo: ok, 1 documents", "[2/2] meminfo: ok").doesNotContain("\r");

        CliRunner.Result tty = CliRunner.run(CliRunner.environment(true), "--host-root", HOST.toString(), "--tags",
                "cpu,memory", "-n", "n", "--output", out.resolve("b").toString());
        assertThat(tty.err()).contains("\r", "[2/2] collecting meminfo");
    }

    @Test
    void helpListsEveryFlagOfTheContract() throws IllegalAccessException {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        for (java.lang.reflect.Field f : dev.backpack.contract.AgentFlags.class.getFields()) {
            Object value = f.get(null);
            if (value instanceof String s && s.startsWith("-")) {
                assertThat(r.out()).as("flag %s", s).contains(s);
            }
        }
    }

    private static BackpackCommand parse(String... args) {
        BackpackCommand command = new BackpackCommand(CliRunner.environment(false), new SinkSelector(), null);
        new picocli.CommandLine(command).parseArgs(args);
        return command;
    }
}
