package dev.backpack.agent.cli;

/** The agent's exit codes, in one place (documented in docs/agent.md). */
public final class ExitCodes {
    /** Every requested module was collected or cleanly skipped, and everything was delivered. */
    public static final int OK = 0;
    /** A module's collection or the delivery failed. */
    public static final int FAILURE = 1;
    /** Bad usage: an unknown flag or tag, a malformed value. Nothing was collected. */
    public static final int USAGE = 2;
    /** {@code backpack diff}: the two runs differ (like diff(1), 0 means the same). */
    public static final int DIFFERENT = 3;

    private ExitCodes() {
    }
}
