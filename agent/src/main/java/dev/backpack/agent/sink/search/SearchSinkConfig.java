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
 */
public record SearchSinkConfig(ServerAddress address, Optional<BasicCredentials> credentials, TlsSettings tls,
                               int indexRetries, Duration timeout, int bulkSize, Backoff backoff) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_BULK_SIZE = 500;

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
    }

    public static SearchSinkConfig of(ServerAddress address, Optional<BasicCredentials> credentials, TlsSettings tls,
                                      int indexRetries, Duration timeout) {
        return new SearchSinkConfig(address, credentials, tls, indexRetries, timeout, DEFAULT_BULK_SIZE, Backoff.DEFAULT);
    }

    public SearchSinkConfig withBulkSize(int size) {
        return new SearchSinkConfig(address, credentials, tls, indexRetries, timeout, size, backoff);
    }

    public SearchSinkConfig withBackoff(Backoff newBackoff) {
        return new SearchSinkConfig(address, credentials, tls, indexRetries, timeout, bulkSize, newBackoff);
    }

    @Override
    public String toString() {
        return "SearchSinkConfig[address=" + address + ", credentials=" + (credentials.isPresent() ? "***" : "none")
                + ", tls=" + tls + ", indexRetries=" + indexRetries + ", timeout=" + timeout + ", bulkSize=" + bulkSize
                + "]";
    }
}
