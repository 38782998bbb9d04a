package dev.backpack.agent.sink.search;

/**
 * How many more times one chunk may be sent. A saturated server (HTTP 429, {@code es_rejected_execution})
 * is retried until the delivery's {@code --timeout} deadline, which the caller checks: giving up earlier
 * would release the Redis claim, and another agent would collect the node again onto the same saturated
 * server (extra collections, and re-collected values are new documents). Any other retriable failure
 * (unreachable, 5xx) gets {@code --index-retries} retries.
 */
final class RetryBudget {
    private final int indexRetries;
    private int spent;

    RetryBudget(int indexRetries) {
        this.indexRetries = indexRetries;
    }

    /** Whether {@code reason} may be retried; a retry for anything but throttling uses up one of the budget. */
    boolean allowsRetry(SearchFailure reason) {
        if (reason.kind() == SearchFailure.Kind.THROTTLED) {
            return true;
        }
        if (spent >= indexRetries) {
            return false;
        }
        spent++;
        return true;
    }
}
