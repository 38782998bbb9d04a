package dev.backpack.e2e.servers;

import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real redis-server (the binary embedded-redis ships) on a free loopback port. Tests that stop it
 * (Redis-down scenarios) start it again with {@link #start()}.
 */
public final class RedisFixture {
    private final int port = FreePorts.next();
    private RedisServer server;

    RedisFixture() {
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            server = null;
            throw new UncheckedIOException("cannot start redis-server on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            // already gone
        }
        server = null;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** A client for test setup and assertions; close it after use. */
    public JedisPooled client() {
        return new JedisPooled(host(), port);
    }

    @Override
    public String toString() {
        return "redis at " + host() + ":" + port;
    }
}
