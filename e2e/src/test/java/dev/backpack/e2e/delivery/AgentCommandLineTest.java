package dev.backpack.e2e.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.contract.RedisKeys;
import dev.backpack.e2e.delivery.InProcessAgent.Result;
import dev.backpack.e2e.servers.FreePorts;
import dev.backpack.e2e.servers.OpenSearchServer;
import dev.backpack.e2e.servers.RedisFixture;
import dev.backpack.e2e.servers.ServersExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
    private static final Path HOST = InProcessAgent.HOST;
    private static final Path JAR = Path.of(System.getProperty("backpack.agentJar", "../agent/target/backpack.jar"))
            .toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Result backpack(Map<String, String> env, String... args) {
        return InProcessAgent.run(env, args);
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
