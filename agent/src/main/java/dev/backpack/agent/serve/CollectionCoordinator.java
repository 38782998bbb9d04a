package dev.backpack.agent.serve;

import dev.backpack.agent.retry.Backoff;
import dev.backpack.agent.summary.SummaryJson;
import dev.backpack.agent.summary.TerminationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serve mode's collections, one at a time: the first at start, retried with {@link Backoff} until it
 * succeeds, and those asked for over HTTP. Keeps the summary readiness is based on, in memory and in
 * the {@link ReadyFile}.
 */
final class CollectionCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionCoordinator.class);
    /** How soon the first collection looks again when an ad-hoc one holds the turn. */
    private static final Duration BUSY_RECHECK = Duration.ofSeconds(1);

    private final CollectAndDeliver collection;
    private final Backoff retries;
    private final ReadyFile readyFile;
    private final ReentrantLock running = new ReentrantLock();
    private final ScheduledExecutorService initial = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("backpack-initial-collection"));
    private volatile TerminationSummary readySummary;
    private volatile TerminationSummary lastFailure;
    private volatile boolean stopping;

    CollectionCoordinator(CollectAndDeliver collection, Backoff retries, ReadyFile readyFile) {
        this.collection = collection;
        this.retries = retries;
        this.readyFile = readyFile;
    }

    /** Starts the first collection in the background; returns at once. */
    void startInitial() {
        initial.execute(() -> initialCollection(1));
    }

    /** The summary of the first successful run (or a later one for the command line's uuid); null before. */
    TerminationSummary readySummary() {
        return readySummary;
    }

    /** The failed first collection's summary, while it is being retried; null otherwise. */
    TerminationSummary lastFailure() {
        return lastFailure;
    }

    boolean stopping() {
        return stopping;
    }

    /** @param attempt 1 for the first try; the wait after a failed one is {@code retries.delayBefore(attempt)} */
    private void initialCollection(int attempt) {
        if (stopping || readySummary != null) {
            return;
        }
        if (!running.tryLock()) {
            initial.schedule(() -> initialCollection(attempt), BUSY_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        TerminationSummary summary;
        try {
            summary = safeRun(null, false);
        } finally {
            running.unlock();
        }
        if (summary.ok()) {
            markReady(summary);
            return;
        }
        lastFailure = summary;
        if (stopping) {
            return;
        }
        Duration delay = retries.delayBefore(attempt);
        LOG.warn("initial collection failed ({}); retrying in {}", String.join("; ", summary.errors()), delay);
        initial.schedule(() -> initialCollection(attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One collection asked for over HTTP.
     *
     * @param uuid the uuid to collect under, or null for the command line's
     * @return the run's summary, or empty when another collection is running
     */
    Optional<TerminationSummary> collectNow(String uuid) {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        TerminationSummary summary;
        try {
            LOG.info("ad-hoc collection requested{}", uuid == null ? "" : " for uuid " + uuid);
            summary = safeRun(uuid, true);
        } finally {
            running.unlock();
        }
        if (uuid == null && summary.ok()) {
            markReady(summary);
        }
        return Optional.of(summary);
    }

    private TerminationSummary safeRun(String uuid, boolean adHoc) {
        try {
            return collection.collect(uuid, adHoc);
        } catch (RuntimeException e) {
            // The runner reports failures in its summary; anything thrown is a bug, kept from killing the server.
            LOG.error("collection run failed unexpectedly", e);
            return TerminationSummary.failedBeforeDelivery(uuid, null, null, "unexpected error: " + e, Duration.ZERO);
        }
    }

    private synchronized void markReady(TerminationSummary summary) {
        boolean first = readySummary == null;
        readySummary = summary;
        lastFailure = null;
        readyFile.write(summary);
        if (first) {
            LOG.info("ready: {}", SummaryJson.toLine(summary));
        }
    }

    /**
     * Takes no new collection, lets the one in flight finish (never interrupted) within {@code grace},
     * then runs {@code closing} while still holding the turn, so no collection starts meanwhile.
     *
     * @return false when already stopped
     */
    boolean stop(Duration grace, Runnable closing) {
        synchronized (this) {
            if (stopping) {
                return false;
            }
            stopping = true;
        }
        initial.shutdown(); // not shutdownNow: never interrupt an in-flight collection
        boolean idle = false;
        try {
            idle = running.tryLock(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!idle) {
                LOG.warn("a collection is still running after {}; stopping anyway", grace);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            closing.run();
        } finally {
            if (idle) {
                running.unlock();
            }
        }
        return true;
    }
}
