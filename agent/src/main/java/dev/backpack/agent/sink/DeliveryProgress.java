package dev.backpack.agent.sink;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Running totals of what a sink has delivered, readable from another thread while a delivery is under
 * way: a shutdown hook says how far a SIGTERM-ed run got. Cumulative over the sink's life; take a
 * {@link #snapshot()} before a delivery and subtract.
 */
public final class DeliveryProgress {
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger alreadyPresent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** Counts at one moment. */
    public record Counts(int delivered, int alreadyPresent, int failed) {
        public Counts minus(Counts before) {
            return new Counts(delivered - before.delivered, alreadyPresent - before.alreadyPresent,
                    failed - before.failed);
        }
    }

    public void delivered(int documents) {
        delivered.addAndGet(documents);
    }

    public void alreadyPresent(int documents) {
        alreadyPresent.addAndGet(documents);
    }

    public void failed(int documents) {
        failed.addAndGet(documents);
    }

    public Counts snapshot() {
        return new Counts(delivered.get(), alreadyPresent.get(), failed.get());
    }
}
