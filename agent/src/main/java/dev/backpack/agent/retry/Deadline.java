package dev.backpack.agent.retry;

import java.time.Duration;

/** A point in monotonic time after which no new attempt starts. */
public record Deadline(long endNanos) {

    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether waiting {@code delay} still leaves time for another attempt. */
    public boolean allows(Duration delay) {
        return remaining().compareTo(delay) > 0;
    }
}
