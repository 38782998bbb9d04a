package dev.backpack.operator;

/** The operator CLI's exit codes, in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    /** Bad usage: an unknown flag, an invalid file or Benchmark. Nothing was done. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
