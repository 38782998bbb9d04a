package dev.backpack.agent.sink.search;

import java.util.List;

/**
 * What one bulk request left to do: the documents worth sending again (refused with 429/5xx, or the
 * whole request failed in a way another try can fix) and why; everything else already has its outcome.
 */
record BulkAttempt(List<PendingDocument> retry, SearchFailure reason) {

    static final BulkAttempt DONE = new BulkAttempt(List.of(), null);

    boolean done() {
        return retry.isEmpty();
    }
}
