package dev.backpack.agent.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponential backoff between attempts: {@code initial}, then doubling, never above {@code max}. No
 * jitter: the Redis claim already keeps agents from stampeding, and a fixed schedule is testable.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        Duration delay = initial;
        for (int i = 1; i < retry && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** All waits for {@code retries} retries, in order. */
    public List<Duration> schedule(int retries) {
        List<Duration> delays = new ArrayList<>(retries);
        for (int r = 1; r <= retries; r++) {
            delays.add(delayBefore(r));
        }
        return delays;
    }
}
