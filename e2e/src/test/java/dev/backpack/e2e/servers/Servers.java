package dev.backpack.e2e.servers;

import java.util.ArrayList;
import java.util.List;

/**
 * The test JVM's real servers: each is started on first use and stopped once at the end of the test
 * run (by {@link ServersSessionListener}, or a shutdown hook should the launcher not tell us).
 */
public final class Servers {
    private static final List<Runnable> STOPS = new ArrayList<>();
    private static OpenSearchServer openSearch;
    private static OpenSearchServer openSearch3;
    private static ElasticsearchServer elasticsearch;
    private static SecuredElasticsearchServer elasticsearch8;
    private static RedisFixture redis;
    private static boolean hookInstalled;

    private Servers() {
    }

    /** OpenSearch 2.x: the server most tests use. */
    public static synchronized OpenSearchServer openSearch() {
        if (openSearch == null) {
            openSearch = started(new OpenSearchServer("opensearch", "backpack.opensearch.home", 11));
        }
        return openSearch;
    }

    /** OpenSearch 3.x; skips the test (assumption) where no JDK 21+ is installed. */
    public static synchronized OpenSearchServer openSearch3() {
        if (openSearch3 == null) {
            openSearch3 = started(new OpenSearchServer("opensearch3", "backpack.opensearch3.home", 21));
        }
        return openSearch3;
    }

    /** Elasticsearch 7.17, security off. */
    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = started(new ElasticsearchServer());
        }
        return elasticsearch;
    }

    /** Elasticsearch 8.x with TLS and a password, as it runs by default. */
    public static synchronized SecuredElasticsearchServer elasticsearch8() {
        if (elasticsearch8 == null) {
            elasticsearch8 = started(new SecuredElasticsearchServer());
        }
        return elasticsearch8;
    }

    private static <S extends SearchServer> S started(S server) {
        register(server::stop);
        server.start();
        return server;
    }

    /** The shared Redis, running (restarted if a previous test stopped it). */
    public static synchronized RedisFixture redis() {
        if (redis == null) {
            redis = new RedisFixture();
            register(redis::stop);
        }
        redis.start();
        return redis;
    }

    public static synchronized void stopAll() {
        for (int i = STOPS.size() - 1; i >= 0; i--) {
            try {
                STOPS.get(i).run();
            } catch (RuntimeException e) {
                System.err.println("stopping a test server failed: " + e);
            }
        }
        STOPS.clear();
        openSearch = null;
        openSearch3 = null;
        elasticsearch = null;
        elasticsearch8 = null;
        redis = null;
    }

    private static void register(Runnable stop) {
        STOPS.add(stop);
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(Servers::stopAll, "stop-test-servers"));
            hookInstalled = true;
        }
    }
}
