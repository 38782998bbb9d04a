package dev.backpack.agent.sink.search;

import java.time.Duration;

/** A point in monotonic time after which no new attempt starts. */
record Deadline(long endNanos) {

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether waiting {@code delay} still leaves time for another attempt. */
    boolean allows(Duration delay) {
        return remaining().compareTo(delay) > 0;
    }
}
