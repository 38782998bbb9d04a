package dev.backpack.agent.sink.search;

import dev.backpack.agent.retry.Backoff;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link SearchSink} needs, already validated: where, who, how to trust, and how hard to try.
 *
 * @param indexRetries retries after the first attempt of each bulk request ({@code --index-retries}); a
 *                     saturated server (429) is retried until {@code timeout} instead, see {@link RetryBudget}
 * @param timeout      total time one delivery may take, retries and waits included ({@code --timeout})
 * @param bulkSize     documents per bulk request
 * @param concurrentRuns how many runs deliver through one sink at the same time: the client keeps
 *                     {@code max(4, concurrentRuns)} connections, since each delivery holds one while it
 *                     waits for a bulk response. 1 for the agent (one run per process, serve mode one at
 *                     a time); a program running many agents in threads over one sink sets its thread count
 */
public record SearchSinkConfig(ServerAddress address, Optional<BasicCredentials> credentials, TlsSettings tls,
                               int indexRetries, Duration timeout, int bulkSize, Backoff backoff,
                               int concurrentRuns) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_BULK_SIZE = 500;
    /** Enough for one run's bulk requests and its raw index check. */
    public static final int MIN_CONNECTIONS = 4;

    public SearchSinkConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        if (indexRetries < 0) {
            throw new IllegalArgumentException("--index-retries must be 0 or more, got " + indexRetries);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
        }
        if (bulkSize < 1) {
            throw new IllegalArgumentException("bulk size must be at least 1, got " + bulkSize);
        }
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException("concurrent runs of a sink must be at least 1, got " + concurrentRuns);
        }
    }

    public static SearchSinkConfig of(ServerAddress address, Optional<BasicCredentials> credentials, TlsSettings tls,
                                      int indexRetries, Duration timeout) {
        return new SearchSinkConfig(address, credentials, tls, indexRetries, timeout, DEFAULT_BULK_SIZE, Backoff.DEFAULT,
                1);
    }

    public SearchSinkConfig withBulkSize(int size) {
        return new SearchSinkConfig(address, credentials, tls, indexRetries, timeout, size, backoff, concurrentRuns);
    }

    public SearchSinkConfig withBackoff(Backoff newBackoff) {
        return new SearchSinkConfig(address, credentials, tls, indexRetries, timeout, bulkSize, newBackoff,
                concurrentRuns);
    }

    /** For {@code runs} deliveries at once through one sink (see {@code concurrentRuns}). */
    public SearchSinkConfig sharedByConcurrentRuns(int runs) {
        return new SearchSinkConfig(address, credentials, tls, indexRetries, timeout, bulkSize, backoff, runs);
    }

    /** Pooled connections to the server. */
    int connections() {
        return Math.max(MIN_CONNECTIONS, concurrentRuns);
    }

    @Override
    public String toString() {
        return "SearchSinkConfig[address=" + address + ", credentials=" + (credentials.isPresent() ? "***" : "none")
                + ", tls=" + tls + ", indexRetries=" + indexRetries + ", timeout=" + timeout + ", bulkSize=" + bulkSize
                + ", concurrentRuns=" + concurrentRuns + "]";
    }
}
