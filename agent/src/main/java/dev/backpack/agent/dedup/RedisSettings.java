package dev.backpack.agent.dedup;

import dev.backpack.agent.retry.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Redis is ({@code --redisip}, {@code --redisport}) and how long to hold and wait for claims.
 *
 * @param commandTimeout connect and read timeout of each Redis command; short, because Redis is only a cache
 * @param claimTtl       how long a "Metadata-Running" claim lives; a claim older than this is stale and taken over
 * @param waitLimit      how long to wait for another agent's claim before collecting anyway
 * @param poll           the waits between two looks at another agent's claim: short at first (a claim
 *                       holder that is nearly done is seen at once), growing to a cap (a long collection
 *                       does not cost a Redis round trip every few milliseconds)
 */
public record RedisSettings(String host, int port, Duration commandTimeout, Duration claimTtl, Duration waitLimit,
                            Backoff poll) {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** 25, 50, 100, 200, then every 250 ms: the fixed 250 ms it replaces is the cap. */
    public static final Backoff DEFAULT_POLL = new Backoff(Duration.ofMillis(25), Duration.ofMillis(250));

    public RedisSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(poll, "poll");
        if (host.isBlank()) {
            throw new IllegalArgumentException("--redisip is empty; give the Redis host or leave the flag out");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--redisport " + port + " is not a port; use 1-65535");
        }
        if (claimTtl.isNegative() || claimTtl.isZero() || waitLimit.isNegative()) {
            throw new IllegalArgumentException("claim time-to-live must be positive and the wait limit not negative");
        }
    }

    /**
     * Settings for a run whose delivery may take up to {@code deliveryTimeout}: a claim outlives a slow
     * collection plus delivery, and an agent waits at most that long for another one.
     */
    public static RedisSettings forRun(String host, int port, Duration deliveryTimeout) {
        Duration ttl = deliveryTimeout.plusMinutes(1);
        return new RedisSettings(host, port, DEFAULT_COMMAND_TIMEOUT, ttl, ttl, DEFAULT_POLL);
    }

    public RedisSettings withTimes(Duration newClaimTtl, Duration newWaitLimit, Backoff newPoll) {
        return new RedisSettings(host, port, commandTimeout, newClaimTtl, newWaitLimit, newPoll);
    }

    public String address() {
        return host + ":" + port;
    }
}
