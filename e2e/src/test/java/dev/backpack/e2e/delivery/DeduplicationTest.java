package dev.backpack.e2e.delivery;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.backpack.agent.dedup.Claim;
import dev.backpack.agent.retry.Backoff;
import dev.backpack.agent.dedup.Deduplicator;
import dev.backpack.agent.dedup.RedisSettings;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RedisKeys;
import dev.backpack.e2e.servers.FlakyProxy;
import dev.backpack.e2e.servers.FreePorts;
import dev.backpack.e2e.servers.OpenSearchServer;
import dev.backpack.e2e.servers.RedisFixture;
import dev.backpack.e2e.servers.SearchServers;
import dev.backpack.e2e.servers.ServersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis de-duplication against a real Redis and, for the "is it really indexed" check, a real OpenSearch
 * (and that check on every server version).
 */
@ExtendWith(ServersExtension.class)
class DeduplicationTest {

    private static SearchSink sink(OpenSearchServer openSearch) {
        return new SearchSink(SearchSinkConfig.of(ServerAddress.parse(openSearch.url(), null), Optional.empty(),
                TlsSettings.verifyWithSystemTrust(), 3, Duration.ofSeconds(30)));
    }

    private static RedisSettings settings(RedisFixture redis) {
        return RedisSettings.forRun(redis.host(), redis.port(), Duration.ofSeconds(30))
                .withTimes(Duration.ofSeconds(30), Duration.ofSeconds(30),
                        new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @Test
    void fiftyAgentsRacingOnOneNodeCollectOnce(RedisFixture redis, OpenSearchServer openSearch) throws Exception {
        String uuid = TestDocuments.newUuid();
        String node = "race-node";
        AtomicInteger collections = new AtomicInteger();
        AtomicInteger skips = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService agents = Executors.newFixedThreadPool(50);
        try (SearchSink sink = sink(openSearch)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                runs.add(agents.submit(() -> {
                    try (Deduplicator dedup = new Deduplicator(settings(redis), sink::hasDocuments)) {
                        start.await();
                        Claim claim = dedup.claim(uuid, node, false);
                        if (claim.shouldCollect()) {
                            collections.incrementAndGet();
                            boolean ok = sink.deliver(TestDocuments.nodeDocuments(uuid, node),
                                    TestDocuments.raw(uuid, node)).ok();
                            claim.finished(ok);
                        } else {
                            skips.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            agents.shutdownNow();
        }

        assertThat(collections).hasValue(1);
        assertThat(skips).hasValue(49);
        try (JedisPooled client = redis.client()) {
            assertThat(client.get(RedisKeys.claimKey(uuid, node))).isEqualTo(RedisKeys.EXISTS);
            assertThat(client.pttl(RedisKeys.claimKey(uuid, node))).as("Exists expires, after days")
                    .isGreaterThan(Duration.ofDays(29).toMillis());
        }
    }

    /**
     * Bulk requests refused with 429 (a full write queue) many more times than --index-retries: each
     * node's winner keeps its claim and retries until the server takes the documents, so no node is
     * collected twice. A second collection would add a document under a new id (like a re-read memory
     * value), which the index count would show.
     */
    @Test
    void racingAgentsOnASaturatedServerCollectEachNodeOnce(RedisFixture redis, OpenSearchServer openSearch)
            throws Exception {
        String uuid = TestDocuments.newUuid();
        int nodes = 5;
        int agentsPerNode = 5;
        AtomicInteger collections = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService agents = Executors.newFixedThreadPool(nodes * agentsPerNode);
        try (FlakyProxy saturated = FlakyProxy.rejectingItems(openSearch.url(), 20);
             SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(saturated.url(), null),
                     Optional.empty(), TlsSettings.verifyWithSystemTrust(), 1, Duration.ofSeconds(60))
                     .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400))))) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < nodes * agentsPerNode; i++) {
                String node = "saturated-node-" + (i % nodes);
                runs.add(agents.submit(() -> {
                    try (Deduplicator dedup = new Deduplicator(settings(redis), sink::hasDocuments)) {
                        start.await();
                        Claim claim = dedup.claim(uuid, node, false);
                        if (claim.shouldCollect()) {
                            int collection = collections.incrementAndGet();
                            List<MetadataDocument> documents = new ArrayList<>(TestDocuments.nodeDocuments(uuid, node));
                            documents.add(MetadataDocument.of(MetadataModule.MEMINFO, node, "/proc/vmstat",
                                    Map.of("collection", collection), uuid, node, node + "-pod",
                                    TestDocuments.TIMESTAMP, TestDocuments.VERSION));
                            claim.finished(sink.deliver(documents, TestDocuments.raw(uuid, node)).ok());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            assertThat(saturated.bulkRequests()).as("the server refused more than --index-retries allows")
                    .isGreaterThan(2 * nodes);
        } finally {
            agents.shutdownNow();
        }

        assertThat(collections).as("collections").hasValue(nodes);
        openSearch.request("POST", "/_refresh", null);
        String byUuid = "{\"query\":{\"match_phrase\":{\"uuid\":\"" + uuid + "\"}}}";
        assertThat(count(openSearch, "/*-metadata/_count", byUuid)).as("4 documents per node, none twice")
                .isEqualTo(4L * nodes);
        assertThat(count(openSearch, "/stockpile-results-raw/_count", byUuid)).isEqualTo(nodes);
        try (JedisPooled client = redis.client()) {
            for (int n = 0; n < nodes; n++) {
                assertThat(client.get(RedisKeys.claimKey(uuid, "saturated-node-" + n))).isEqualTo(RedisKeys.EXISTS);
            }
        }
    }

    private static long count(OpenSearchServer openSearch, String path, String query) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"count\"\\s*:\\s*(\\d+)")
                .matcher(openSearch.request("POST", path, query).body());
        assertThat(count.find()).as("a _count answer").isTrue();
        return Long.parseLong(count.group(1));
    }

    @Test
    void aJustIndexedNodeIsSkippedWithoutForcingARefresh(RedisFixture redis, OpenSearchServer openSearch) {
        String uuid = TestDocuments.newUuid();
        String node = "fresh-node";
        try (FlakyProxy watched = FlakyProxy.forwardingOn(FreePorts.next(), openSearch.url());
             SearchSink winner = sink(openSearch);
             SearchSink loser = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(watched.url(), null),
                     Optional.empty(), TlsSettings.verifyWithSystemTrust(), 3, Duration.ofSeconds(30)));
             Deduplicator winnerClaims = new Deduplicator(settings(redis), winner::hasDocuments);
             Deduplicator loserClaims = new Deduplicator(settings(redis), loser::hasDocuments)) {
            Claim won = winnerClaims.claim(uuid, node, false);
            won.finished(winner.deliver(TestDocuments.nodeDocuments(uuid, node), TestDocuments.raw(uuid, node)).ok());

            Claim lost = loserClaims.claim(uuid, node, false);

            assertThat(lost.decision()).as(lost.reason()).isEqualTo(Claim.Decision.SKIP);
            assertThat(watched.refreshRequests()).as("the periodic refresh showed the documents").isZero();
        }
    }

    @Test
    void aStaleClaimIsTakenOver(RedisFixture redis) {
        String uuid = TestDocuments.newUuid();
        String key = RedisKeys.claimKey(uuid, "crashed-node");
        try (JedisPooled client = redis.client();
             Deduplicator dedup = new Deduplicator(settings(redis), (u, n) -> false)) {
            // An agent claimed and died: its claim expires.
            client.set(key, RedisKeys.RUNNING, SetParams.setParams().px(300));

            Claim claim = dedup.claim(uuid, "crashed-node", false);

            assertThat(claim.shouldCollect()).isTrue();
            assertThat(claim.reason()).contains("after the previous claim ended");
            assertThat(client.get(key)).isEqualTo(RedisKeys.RUNNING);
            assertThat(client.pttl(key)).isPositive();
            claim.finished(true);
            assertThat(client.get(key)).isEqualTo(RedisKeys.EXISTS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SearchServers.class)
    void existsWithoutDocumentsInTheIndexCollectsAgain(SearchServers version, RedisFixture redis) {
        String uuid = TestDocuments.newUuid();
        String key = RedisKeys.claimKey(uuid, "wiped-node");
        try (JedisPooled client = redis.client();
             SearchSink sink = new SearchSink(version.server().sinkConfig(3, Duration.ofSeconds(30)));
             Deduplicator dedup = new Deduplicator(settings(redis), sink::hasDocuments)) {
            client.set(key, RedisKeys.EXISTS);

            Claim claim = dedup.claim(uuid, "wiped-node", false);

            assertThat(claim.shouldCollect()).isTrue();
            assertThat(claim.reason()).contains("index has no documents");
            sink.deliver(TestDocuments.nodeDocuments(uuid, "wiped-node"), TestDocuments.raw(uuid, "wiped-node"));
            claim.finished(true);

            assertThat(dedup.claim(uuid, "wiped-node", false).decision()).isEqualTo(Claim.Decision.SKIP);
        }
    }

    @Test
    void forceCollectsEvenWhenCollected(RedisFixture redis) {
        String uuid = TestDocuments.newUuid();
        try (JedisPooled client = redis.client();
             Deduplicator dedup = new Deduplicator(settings(redis), (u, n) -> true)) {
            client.set(RedisKeys.claimKey(uuid, "n"), RedisKeys.EXISTS);

            assertThat(dedup.claim(uuid, "n", false).shouldCollect()).isFalse();
            Claim forced = dedup.claim(uuid, "n", true);
            assertThat(forced.shouldCollect()).isTrue();
            assertThat(forced.reason()).contains("--force");
        }
    }

    @Test
    void aFailedCollectionFreesTheClaimForOthers(RedisFixture redis) {
        String uuid = TestDocuments.newUuid();
        String key = RedisKeys.claimKey(uuid, "flaky-node");
        try (JedisPooled client = redis.client();
             Deduplicator dedup = new Deduplicator(settings(redis), (u, n) -> true)) {
            Claim claim = dedup.claim(uuid, "flaky-node", false);
            assertThat(claim.shouldCollect()).isTrue();

            claim.finished(false);

            assertThat(client.exists(key)).isFalse();
            assertThat(dedup.claim(uuid, "flaky-node", false).reason()).isEqualTo("claimed");
        }
    }

    @Test
    void redisDownMeansOneWarningAndCollect() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(Deduplicator.class);
        logs.start();
        logger.addAppender(logs);
        int closedPort = FreePorts.next();
        try (Deduplicator dedup = new Deduplicator(RedisSettings.forRun("127.0.0.1", closedPort,
                Duration.ofSeconds(30)), (u, n) -> true)) {
            Claim claim = dedup.claim(TestDocuments.newUuid(), "lonely-node", false);
            claim.finished(true);

            assertThat(claim.shouldCollect()).isTrue();
            assertThat(claim.reason()).contains("Redis unreachable");
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .startsWith("Redis unreachable; collecting without de-duplication")
                        .contains("127.0.0.1:" + closedPort));
    }
}
