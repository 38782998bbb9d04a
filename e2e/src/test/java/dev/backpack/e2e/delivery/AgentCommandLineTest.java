package dev.backpack.e2e.delivery;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.cli.CliRunner.Result;
import dev.backpack.agent.cli.CliRunner;
import dev.backpack.contract.RedisKeys;
import dev.backpack.e2e.servers.FreePorts;
import dev.backpack.e2e.servers.HttpsAuthProxy;
import dev.backpack.e2e.servers.OpenSearchServer;
import dev.backpack.e2e.servers.RedisFixture;
import dev.backpack.e2e.servers.SelfSignedCertificate;
import dev.backpack.e2e.servers.ServersExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent's real command line against a real OpenSearch and Redis: the targeted-mode contract
 * (exit codes, termination summary, de-duplication) in-process, and {@code backpack serve} as the
 * built jar in its own JVM, stopped with SIGTERM as Kubernetes does.
 */
@ExtendWith(ServersExtension.class)
class AgentCommandLineTest {
    private static final Path HOST = TestDocuments.CAPTURED_HOST;
    private static final Path JAR = Path.of(System.getProperty("backpack.agentJar", "../agent/target/backpack.jar"))
            .toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Result backpack(Map<String, String> env, String... args) {
        return CliRunner.run(env, args);
    }

    @Test
    void targetedRunIndexesThenTheSameUuidIsSkipped(OpenSearchServer openSearch, RedisFixture redis) throws Exception {
        String uuid = TestDocuments.newUuid();
        Path log = dir.resolve("termination-log");
        String[] args = {"-s", openSearch.url(), "-u", uuid, "-n", "cli-node", "-N", "cli-pod", "--tags", "common",
                "--host-root", HOST.toString(), "--redisip", redis.host(), "--redisport", String.valueOf(redis.port()),
                "--termination-log", log.toString()};

        Result first = backpack(Map.of(), args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode summary = JSON.readTree(Files.readString(log));
        assertThat(summary.get("status").asText()).isEqualTo("ok");
        assertThat(summary.get("indexed").asInt()).isPositive();
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("target").asText()).isEqualTo(openSearch.url());
        try (JedisPooled client = redis.client()) {
            assertThat(client.get(RedisKeys.claimKey(uuid, "cli-node"))).isEqualTo(RedisKeys.EXISTS);
        }

        Result second = backpack(Map.of(), args);

        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("skipped: already collected for uuid " + uuid + " on cli-node");
        JsonNode skipped = JSON.readTree(Files.readString(log));
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.get("indexed").asInt()).isZero();

        Result forced = backpack(Map.of(), append(args, "--force"));
        assertThat(forced.exitCode()).isZero();
        JsonNode again = JSON.readTree(Files.readString(log));
        assertThat(again.get("status").asText()).isEqualTo("ok");
        assertThat(again.get("indexed").asInt()).as("idempotent ids: nothing new").isZero();
        assertThat(again.get("alreadyPresent").asInt()).isEqualTo(summary.get("indexed").asInt());
    }

    @Test
    void aFailedDeliveryExitsOneOrZeroWithOptionalAndSaysSo(RedisFixture redis) throws Exception {
        int closed = FreePorts.next();
        Path log = dir.resolve("termination-log");
        String[] args = {"-s", "127.0.0.1:" + closed, "-u", TestDocuments.newUuid(), "-n", "down-node", "--tags", "cpu",
                "--host-root", HOST.toString(), "--index-retries", "1", "--timeout", "5s",
                "--termination-log", log.toString()};

        Result failed = backpack(Map.of(), args);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("cannot connect to http://127.0.0.1:" + closed);
        assertThat(JSON.readTree(Files.readString(log)).get("status").asText()).isEqualTo("failed");

        Result optional = backpack(Map.of(), append(args, "--optional"));
        assertThat(optional.exitCode()).isZero();
        assertThat(optional.err()).contains("(ignored: --optional)");
        assertThat(JSON.readTree(Files.readString(log)).get("errors").get(0).asText())
                .contains("documents not indexed");
    }

    @Test
    void serveJarIsReadyAfterIndexingCollectsOnRequestAndStopsOnSigterm(OpenSearchServer openSearch)
            throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "agent/target/backpack.jar is not built; run mvn verify "
                + "from the project root (the agent module packages it before the e2e tests)");
        int port = FreePorts.next();
        String uuid = TestDocuments.newUuid();
        Path ready = dir.resolve("ready");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "serve", "-s", openSearch.url(), "-u", uuid, "-n", "serve-node",
                "--tags", "memory,cpu", "--host-root", HOST.toString(), "--listen", "127.0.0.1:" + port,
                "--ready-file", ready.toString(), "--termination-log", dir.resolve("t").toString()));
        Process agent = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(agent.isAlive()).as("agent log: %s", log()).isTrue();
                return status(http, port, "GET", "/readyz") == 200;
            });
            assertThat(Files.readString(ready)).contains("\"uuid\":\"" + uuid + "\"", "\"status\":\"ok\"");

            String adHoc = TestDocuments.newUuid();
            HttpResponse<String> collected = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/collect?uuid=" + adHoc))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(collected.statusCode()).as(collected.body()).isEqualTo(200);
            assertThat(JSON.readTree(collected.body()).get("indexed").asInt()).isEqualTo(2);
        } finally {
            agent.destroy(); // SIGTERM
            assertThat(agent.waitFor(40, TimeUnit.SECONDS)).isTrue();
        }
        // 143 = terminated by SIGTERM after the shutdown hook finished; nothing may be killed half-way.
        assertThat(agent.exitValue()).as(log()).isIn(0, 143);
        assertThat(log()).contains("stopped");
        assertThat(ready).doesNotExist();
    }

    /**
     * Issue 11: the password never appears in what the agent produces: stdout, stderr, its log lines
     * (stack traces included, with --verbose), the termination message, the output files and the
     * documents in the index. Given in the URL, in a file, in the environment; right and wrong; in
     * process and as the jar in its own JVM; against real OpenSearch behind a TLS proxy asking for basic auth.
     */
    @Test
    void thePasswordAppearsNowhereTheAgentWrites(OpenSearchServer openSearch) throws Exception {
        String user = "elastic";
        String password = "S3cr3t-Pa55-e2e";
        String wrong = "Wr0ng-Pa55-e2e";
        SelfSignedCertificate certificate = new SelfSignedCertificate(dir);
        Path passwordFile = Files.writeString(dir.resolve("password"), password + "\n");
        Path userFile = Files.writeString(dir.resolve("username"), user + "\n");
        Path terminationLog = dir.resolve("termination-log");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        Logger agentLogger = (Logger) LoggerFactory.getLogger("dev.backpack");
        Level agentLevel = agentLogger.getLevel(); // --verbose in process turns DEBUG on for the whole JVM
        StringBuilder everything = new StringBuilder();
        List<String> uuids = new ArrayList<>();
        try (HttpsAuthProxy proxy = new HttpsAuthProxy(openSearch.url(), certificate, user, password)) {
            String withPassword = "https://" + user + ":" + password + "@localhost:" + proxy.port();
            String withWrongPassword = "https://" + user + ":" + wrong + "@localhost:" + proxy.port();
            List<List<String>> runs = List.of(
                    List.of("-s", withPassword, "--json"),
                    List.of("-s", withPassword, "--verbose"),
                    List.of("-s", proxy.url(), "--username-file", userFile.toString(), "--password-file",
                            passwordFile.toString()),
                    List.of("-s", withWrongPassword, "--verbose", "--index-retries", "0"),
                    List.of("--output", dir.resolve("files").toString(), "--password-file", passwordFile.toString()));
            for (List<String> run : runs) {
                String uuid = TestDocuments.newUuid();
                uuids.add(uuid);
                Result r = backpack(Map.of(), secretArgs(run, uuid, certificate, terminationLog));
                everything.append(r.out()).append(r.err()).append(Files.readString(terminationLog));
            }
            String envUuid = TestDocuments.newUuid();
            uuids.add(envUuid);
            Result fromEnv = backpack(Map.of("BACKPACK_ES_USERNAME", user, "BACKPACK_ES_PASSWORD", password),
                    secretArgs(List.of("-s", proxy.url(), "--verbose"), envUuid, certificate, terminationLog));
            assertThat(fromEnv.exitCode()).as(fromEnv.err()).isZero();
            everything.append(fromEnv.out()).append(fromEnv.err()).append(Files.readString(terminationLog));

            if (Files.isRegularFile(JAR)) {
                for (String server : List.of(withPassword, withWrongPassword)) {
                    String uuid = TestDocuments.newUuid();
                    uuids.add(uuid);
                    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                            "java").toString(), "-jar", JAR.toString()));
                    command.addAll(List.of(secretArgs(List.of("-s", server, "--verbose", "--index-retries", "0"), uuid,
                            certificate, terminationLog)));
                    Process agent = new ProcessBuilder(command).redirectErrorStream(true)
                            .redirectOutput(dir.resolve("agent.log").toFile()).start();
                    assertThat(agent.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    everything.append(log()).append(Files.readString(terminationLog));
                }
            }
        } finally {
            root.detachAppender(logs);
            agentLogger.setLevel(agentLevel);
        }
        for (ILoggingEvent event : logs.list) {
            everything.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                everything.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        try (var files = Files.list(dir.resolve("files"))) {
            for (Path file : files.toList()) {
                everything.append(Files.readString(file));
            }
        }
        openSearch.request("POST", "/_refresh", null);
        String indexed = openSearch.request("POST", "/*-metadata,stockpile-results-raw/_search?size=10000",
                "{\"query\":{\"terms\":{\"uuid.keyword\":" + JSON.writeValueAsString(uuids) + "}}}").body();
        String rawIndexed = openSearch.request("POST", "/stockpile-results-raw/_search?size=100",
                "{\"query\":{\"terms\":{\"uuid\":" + JSON.writeValueAsString(uuids) + "}}}").body();
        assertThat(JSON.readTree(rawIndexed).at("/hits/total/value").asInt()).as("raw documents indexed").isPositive();
        assertThat(everything.toString()).as("the runs said something").contains("cpuinfo", "rejected the credentials");
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String secret : List.of(password, wrong, basic)) {
            assertThat(everything.toString()).as("agent output").doesNotContain(secret);
            assertThat(indexed + rawIndexed).as("indexed documents").doesNotContain(secret);
        }
    }

    private static String[] secretArgs(List<String> run, String uuid, SelfSignedCertificate certificate,
                                       Path terminationLog) {
        List<String> args = new ArrayList<>(run);
        if (run.contains("-s")) {
            args.addAll(List.of("--cacert", certificate.pem().toString()));
        }
        args.addAll(List.of("-u", uuid, "-n", "secret-node", "-N", "secret-pod", "--tags", "cpu,memory",
                "--host-root", HOST.toString(), "--timeout", "20s", "--termination-log", terminationLog.toString()));
        return args.toArray(String[]::new);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("agent.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    private static int status(HttpClient http, int port, String method, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
