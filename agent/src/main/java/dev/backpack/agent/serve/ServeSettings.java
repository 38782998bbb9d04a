package dev.backpack.agent.serve;

import dev.backpack.agent.retry.Backoff;
import dev.backpack.contract.AgentFlags;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Serve mode's own settings; the collection flags are the same as {@code backpack} (collect).
 *
 * @param readyFile               written with the summary after the first successful run, for exec probes; may be null
 * @param firstCollectionRetries  waits before retrying a failed initial collection
 * @param shutdownGrace           how long SIGTERM waits for an in-flight collection (keep under the pod's grace period)
 */
public record ServeSettings(ListenAddress listen, Path readyFile, Backoff firstCollectionRetries,
                            Duration shutdownGrace) {

    public static ServeSettings defaults() {
        return new ServeSettings(ListenAddress.defaultAddress(), Path.of(AgentFlags.DEFAULT_READY_FILE),
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1)), Duration.ofSeconds(25));
    }

    public ServeSettings withListen(ListenAddress newListen) {
        return new ServeSettings(newListen, readyFile, firstCollectionRetries, shutdownGrace);
    }

    public ServeSettings withReadyFile(Path newReadyFile) {
        return new ServeSettings(listen, newReadyFile, firstCollectionRetries, shutdownGrace);
    }

    /** The first retry waits {@code first}, each next one twice as long, never more than {@code max}. */
    public ServeSettings withRetryDelays(Duration first, Duration max) {
        return new ServeSettings(listen, readyFile, new Backoff(first, max), shutdownGrace);
    }
}
