package dev.backpack.operator;

/** The operator CLI's exit codes, in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }
}
