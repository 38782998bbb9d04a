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
    private static ElasticsearchServer elasticsearch;
    private static RedisFixture redis;
    private static boolean hookInstalled;

    private Servers() {
    }

    public static synchronized OpenSearchServer openSearch() {
        if (openSearch == null) {
            OpenSearchServer server = new OpenSearchServer();
            register(server::stop);
            server.start();
            openSearch = server;
        }
        return openSearch;
    }

    public static synchronized ElasticsearchServer elasticsearch() {
        if (elasticsearch == null) {
            ElasticsearchServer server = new ElasticsearchServer();
            register(server::stop);
            server.start();
            elasticsearch = server;
        }
        return elasticsearch;
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
        elasticsearch = null;
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
