package dev.backpack.e2e.delivery;

import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.retry.Backoff;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import dev.backpack.e2e.servers.FlakyProxy;
import dev.backpack.e2e.servers.FreePorts;
import dev.backpack.e2e.servers.OpenSearchServer;
import dev.backpack.e2e.servers.ServersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries with backoff and a deadline, against a real OpenSearch behind scripted failures. */
@ExtendWith(ServersExtension.class)
class SearchSinkRetryTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400));

    private static SearchSink sink(String url, int retries, Duration timeout, Backoff backoff) {
        return new SearchSink(SearchSinkConfig.of(ServerAddress.parse(url, null), Optional.empty(),
                TlsSettings.verifyWithSystemTrust(), retries, timeout).withBackoff(backoff));
    }

    @Test
    void waitsForAServerThatIsNotUpYet(OpenSearchServer openSearch) {
        int port = FreePorts.next();
        AtomicReference<FlakyProxy> late = new AtomicReference<>();
        CompletableFuture<Void> comesUp = CompletableFuture.runAsync(
                () -> late.set(FlakyProxy.forwardingOn(port, openSearch.url())),
                CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS));
        String uuid = TestDocuments.newUuid();
        try (SearchSink sink = sink("127.0.0.1:" + port, 8, Duration.ofSeconds(30),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)))) {
            DeliveryReport report = sink.deliver(TestDocuments.nodeDocuments(uuid, "late-node"),
                    TestDocuments.raw(uuid, "late-node"));

            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.modules().get("cpuinfo").delivered()).isEqualTo(2);
            assertThat(late.get().bulkRequests()).isGreaterThanOrEqualTo(1);
        } finally {
            comesUp.join();
            late.get().close();
        }
    }

    @Test
    void retriesThrottlingAndUnavailableThenDelivers(OpenSearchServer openSearch) {
        assertDeliveredThrough(FlakyProxy.failingFirst(openSearch.url(), List.of(429, 503)), 3, 3);
    }

    @Test
    void retriesDocumentsTheServerRejectedInsideASuccessfulBulk(OpenSearchServer openSearch) {
        assertDeliveredThrough(FlakyProxy.rejectingItems(openSearch.url(), 2), 3, 3);
    }

    @Test
    void aSaturatedServerIsRetriedPastIndexRetriesUntilItTakesTheDocuments(OpenSearchServer openSearch) {
        // Four 429s, then delivered, with --index-retries 1.
        assertDeliveredThrough(FlakyProxy.failingFirst(openSearch.url(), List.of(429, 429, 429, 429)), 1, 5);
    }

    @Test
    void documentsRefusedByAFullWriteQueueAreRetriedPastIndexRetries(OpenSearchServer openSearch) {
        assertDeliveredThrough(FlakyProxy.rejectingItems(openSearch.url(), 4), 1, 5);
    }

    /** One node's documents through {@code proxy}: all of them arrive, after {@code bulkRequests} requests. */
    private static void assertDeliveredThrough(FlakyProxy proxy, int indexRetries, int bulkRequests) {
        String uuid = TestDocuments.newUuid();
        try (proxy; SearchSink sink = sink(proxy.url(), indexRetries, Duration.ofSeconds(30), FAST)) {
            DeliveryReport report = sink.deliver(TestDocuments.nodeDocuments(uuid, "busy-node"),
                    TestDocuments.raw(uuid, "busy-node"));

            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.modules().get("cpuinfo").delivered()).isEqualTo(2);
            assertThat(report.modules().get("meminfo").delivered()).isEqualTo(1);
            assertThat(report.rawDelivered()).isTrue();
            assertThat(proxy.bulkRequests()).isEqualTo(bulkRequests);
        }
    }

    @Test
    void aServerThatStaysSaturatedFailsAtTheDeadlineNotAtIndexRetries(OpenSearchServer openSearch) {
        String uuid = TestDocuments.newUuid();
        try (FlakyProxy proxy = FlakyProxy.failingFirst(openSearch.url(), java.util.Collections.nCopies(1000, 429));
             SearchSink sink = sink(proxy.url(), 1, Duration.ofSeconds(3), FAST)) {
            DeliveryReport report = sink.deliver(TestDocuments.nodeDocuments(uuid, "swamped-node"), null);

            assertThat(report.ok()).isFalse();
            assertThat(report.modules().get("meminfo").failed()).singleElement().satisfies(f -> assertThat(f.reason())
                    .contains("HTTP 429").contains("--timeout").doesNotContain("--index-retries"));
            assertThat(proxy.bulkRequests()).as("more than 1 + --index-retries attempts").isGreaterThan(2);
        }
    }

    @Test
    void givesUpAfterIndexRetriesAndReportsEveryDocument(OpenSearchServer openSearch) {
        String uuid = TestDocuments.newUuid();
        try (FlakyProxy proxy = FlakyProxy.alwaysUnavailable(openSearch.url());
             SearchSink sink = sink(proxy.url(), 2, Duration.ofSeconds(30), FAST)) {
            DeliveryReport report = sink.deliver(TestDocuments.nodeDocuments(uuid, "down-node"),
                    TestDocuments.raw(uuid, "down-node"));

            assertThat(report.ok()).isFalse();
            assertThat(report.rawDelivered()).isFalse();
            assertThat(report.failedCount()).isEqualTo(3);
            assertThat(report.modules().get("cpuinfo").failed())
                    .allSatisfy(f -> assertThat(f.reason()).contains("HTTP 503").contains("--index-retries"));
            assertThat(proxy.bulkRequests()).isEqualTo(3);
        }
    }

    @Test
    void stopsAtTheDeadline(OpenSearchServer openSearch) {
        String uuid = TestDocuments.newUuid();
        try (FlakyProxy proxy = FlakyProxy.alwaysUnavailable(openSearch.url());
             SearchSink sink = sink(proxy.url(), 50, Duration.ofSeconds(2),
                     new Backoff(Duration.ofMillis(300), Duration.ofSeconds(5)))) {
            DeliveryReport report = sink.deliver(TestDocuments.nodeDocuments(uuid, "slow-node"), null);

            assertThat(report.ok()).isFalse();
            assertThat(report.modules().get("meminfo").failed())
                    .singleElement().satisfies(f -> assertThat(f.reason()).contains("--timeout"));
            assertThat(proxy.bulkRequests()).isBetween(2, 6);
        }
    }
}
