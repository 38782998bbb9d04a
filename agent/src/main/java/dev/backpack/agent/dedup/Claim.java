package dev.backpack.agent.dedup;

/**
 * The answer to "should this agent collect for (uuid, node)?", and the handle to report how it went
 * so Redis ends up saying "Metadata-Exists" (success) or frees the claim for others (failure).
 */
public final class Claim {

    public enum Decision { COLLECT, SKIP }

    private final Decision decision;
    private final String reason;
    private final Finisher finisher;

    Claim(Decision decision, String reason, Finisher finisher) {
        this.decision = decision;
        this.reason = reason;
        this.finisher = finisher;
    }

    /** For runs without Redis: always collect, nothing to record. */
    public static Claim withoutRedis() {
        return new Claim(Decision.COLLECT, "no Redis configured", success -> { });
    }

    public Decision decision() {
        return decision;
    }

    public boolean shouldCollect() {
        return decision == Decision.COLLECT;
    }

    /** Why, for logs and the run summary, e.g. "already collected for this uuid on this node". */
    public String reason() {
        return reason;
    }

    /** Records the outcome of the collection this claim allowed; call once, also on failure. */
    public void finished(boolean success) {
        if (decision == Decision.COLLECT) {
            finisher.finished(success);
        }
    }

    @Override
    public String toString() {
        return decision + " (" + reason + ")";
    }

    @FunctionalInterface
    interface Finisher {
        void finished(boolean success);
    }
}
