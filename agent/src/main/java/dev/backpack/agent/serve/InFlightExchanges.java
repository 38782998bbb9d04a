package dev.backpack.agent.serve;

import java.time.Duration;

/**
 * Counts the HTTP exchanges being answered, so stop can let them finish (the answer to the collection
 * that just ended) without waiting longer: the JDK 17 server's own {@code stop(delay)} always waits the
 * whole delay.
 */
final class InFlightExchanges {
    private int active;

    synchronized void enter() {
        active++;
    }

    synchronized void leave() {
        active--;
        notifyAll();
    }

    /** Waits until no exchange is in flight, at most {@code limit}. */
    synchronized void awaitIdle(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (active > 0 && System.nanoTime() < end) {
            try {
                wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
