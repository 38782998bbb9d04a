package dev.backpack.agent.dedup;

import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.RunListener;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.summary.TerminationSummary;

import java.time.Duration;
import java.util.Optional;

/**
 * A collection run behind the Redis claim: ask whether this (uuid, node) still needs collecting, run
 * the collectors and the sink if so, and record the outcome in Redis. Used by {@code backpack} and by
 * each run of {@code backpack serve}.
 */
public final class ClaimedRun {
    private final CollectionRunner runner;

    public ClaimedRun(CollectionRunner runner) {
        this.runner = runner;
    }

    /** What happened: the claim's decision and, unless the run was skipped, the runner's summary. */
    public record Result(Claim claim, RunSummary summary, Duration duration) {
        public boolean skipped() {
            return summary == null;
        }

        public TerminationSummary terminationSummary(String target, RunSettings settings) {
            if (skipped()) {
                return TerminationSummary.skipped(settings.uuid(), settings.nodeName(), target, claim.reason(), duration);
            }
            String note = claim.reason().equals("claimed") || claim.reason().equals("no Redis configured")
                    ? null : claim.reason();
            return TerminationSummary.of(summary, note);
        }
    }

    /**
     * @param redis none: collect every time; with a search sink, a Redis "Metadata-Exists" is checked
     *              against the index before the run is skipped
     */
    public Result run(RunSettings settings, DocumentSink sink, Optional<RedisSettings> redis, boolean force,
                      RunListener listener) {
        long start = System.nanoTime();
        if (redis.isEmpty()) {
            return new Result(Claim.withoutRedis(), runner.run(settings, sink, listener), since(start));
        }
        CollectedDocuments collected = sink instanceof SearchSink search
                ? search::hasDocuments : CollectedDocuments.TRUST_REDIS;
        try (Deduplicator deduplicator = new Deduplicator(redis.get(), collected)) {
            Claim claim = deduplicator.claim(settings.uuid(), settings.nodeName(), force);
            if (!claim.shouldCollect()) {
                return new Result(claim, null, since(start));
            }
            boolean delivered = false;
            try {
                RunSummary summary = runner.run(settings, sink, listener);
                // "Metadata-Exists" means the documents are in the index: a module that failed to collect
                // would fail the same way again, so it does not keep the claim open.
                delivered = summary.deliveryOk();
                return new Result(claim, summary, since(start));
            } finally {
                claim.finished(delivered);
            }
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
