package dev.backpack.e2e.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.serve.AgentServer;
import dev.backpack.agent.serve.CollectAndDeliver;
import dev.backpack.agent.serve.ListenAddress;
import dev.backpack.agent.serve.ServeSettings;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import dev.backpack.agent.summary.TerminationSummary;
import dev.backpack.contract.IndexNames;
import dev.backpack.e2e.servers.OpenSearchServer;
import dev.backpack.e2e.servers.ServersExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code backpack serve}'s endpoints and lifecycle, delivering into a real OpenSearch. */
@ExtendWith(ServersExtension.class)
class ServeModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private SearchSink sink;
    private OpenSearchServer openSearch;
    private AgentServer server;
    private final String bootUuid = TestDocuments.newUuid();
    /** Runs wait on this gate when a test wants one in flight; open by default. */
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicBoolean interrupted = new AtomicBoolean();

    @BeforeEach
    void connect(OpenSearchServer server) {
        this.openSearch = server;
        this.sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(server.url(), null), Optional.empty(),
                TlsSettings.verifyWithSystemTrust(), 3, Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        sink.close();
    }

    /** What the CLI's runner does, reduced to delivery: collect for a uuid and index it. */
    private final CollectAndDeliver run = (requested, adHoc) -> {
        String uuid = requested == null ? bootUuid : requested;
        long start = System.nanoTime();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                return TerminationSummary.failedBeforeDelivery(uuid, "serve-node", sink.describe(), "gate timeout",
                        Duration.ZERO);
            }
        } catch (InterruptedException e) {
            interrupted.set(true);
            Thread.currentThread().interrupt();
        }
        if (failuresToInject.getAndDecrement() > 0) {
            return TerminationSummary.failedBeforeDelivery(uuid, "serve-node", sink.describe(), "injected failure",
                    Duration.ZERO);
        }
        DeliveryReport report = sink.deliver(TestDocuments.nodeDocuments(uuid, "serve-node"),
                TestDocuments.raw(uuid, "serve-node"));
        return TerminationSummary.of(new RunSummary(uuid, "serve-node", sink.describe(), List.of(), 3, report, null,
                Duration.ofNanos(System.nanoTime() - start)), null);
    };

    private void startServer() {
        server = new AgentServer(ServeSettings.defaults()
                .withListen(ListenAddress.parse("127.0.0.1:0"))
                .withReadyFile(dir.resolve("ready"))
                .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200)), run);
        server.start();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyOnlyAfterTheFirstSuccessfulIndexWithTheSummary() throws Exception {
        gate = new CountDownLatch(1);
        startServer();

        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(503);
        assertThat(Files.exists(dir.resolve("ready"))).isFalse();

        gate.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/readyz").statusCode() == 200);

        JsonNode summary = JSON.readTree(get("/readyz").body());
        assertThat(summary.get("status").asText()).isEqualTo("ok");
        assertThat(summary.get("uuid").asText()).isEqualTo(bootUuid);
        assertThat(summary.get("indexed").asInt()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("ready"))).contains(bootUuid);
    }

    @Test
    void retriesAFailedInitialCollectionUntilItSucceeds() throws Exception {
        failuresToInject.set(2);
        startServer();

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/readyz").statusCode() == 200);
        assertThat(failuresToInject.get()).isNegative();
    }

    @Test
    void postCollectIndexesUnderANewUuid() throws Exception {
        startServer();
        await().atMost(Duration.ofSeconds(30)).until(server::ready);
        String adHoc = TestDocuments.newUuid();
        String fromBody = TestDocuments.newUuid();

        HttpResponse<String> byQuery = post("/collect?uuid=" + adHoc, null);
        HttpResponse<String> byBody = post("/collect", "{\"uuid\": \"" + fromBody + "\"}");

        assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
        assertThat(JSON.readTree(byQuery.body()).get("uuid").asText()).isEqualTo(adHoc);
        assertThat(byBody.statusCode()).isEqualTo(200);
        assertThat(sink.hasDocuments(adHoc, "serve-node")).isTrue();
        assertThat(sink.hasDocuments(fromBody, "serve-node")).isTrue();
        openSearch.request("POST", "/cpuinfo-metadata/_refresh", null);
        assertThat(openSearch.request("POST", "/cpuinfo-metadata/_count",
                "{\"query\":{\"term\":{\"uuid\":\"" + adHoc + "\"}}}").body()).contains("\"count\":2");
        assertThat(JSON.readTree(get("/readyz").body()).get("uuid").asText())
                .as("readiness keeps the boot uuid's summary").isEqualTo(bootUuid);
    }

    @Test
    void oneCollectionAtATimeAndBadRequestsAreRefused() throws Exception {
        startServer();
        await().atMost(Duration.ofSeconds(30)).until(server::ready);
        gate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/collect?uuid=" + TestDocuments.newUuid(), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> post("/collect", null).statusCode() == 409);

        gate.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(post("/collect?uuid=bad%20uuid", null).statusCode()).isEqualTo(400);
        assertThat(post("/collect", "not json").statusCode()).isEqualTo(400);
        assertThat(get("/collect").statusCode()).isEqualTo(405);
    }

    @Test
    void stopLetsAnInFlightCollectionFinishThenRemovesTheReadyFile() throws Exception {
        startServer();
        await().atMost(Duration.ofSeconds(30)).until(server::ready);
        assertThat(Files.exists(dir.resolve("ready"))).isTrue();
        gate = new CountDownLatch(1);
        String inFlight = TestDocuments.newUuid();
        CompletableFuture<HttpResponse<String>> collecting = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/collect?uuid=" + inFlight, null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> post("/collect", null).statusCode() == 409);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/readyz").statusCode() == 503);
        assertThat(stopping).isNotDone();
        gate.countDown();
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(interrupted).isFalse();
        assertThat(collecting.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(sink.hasDocuments(inFlight, "serve-node")).isTrue();
        assertThat(Files.exists(dir.resolve("ready"))).isFalse();
        server = null;
    }
}
