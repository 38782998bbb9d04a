package dev.backpack.agent.cli;

/**
 * A failure the user should read as one line: the message names the cause and the fix. Carries the
 * exit code; the stack trace is shown only with {@code --verbose}.
 */
public final class BackpackException extends RuntimeException {
    private final int exitCode;

    public BackpackException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public BackpackException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static BackpackException usage(String message) {
        return new BackpackException(ExitCodes.USAGE, message);
    }

    public static BackpackException failure(String message) {
        return new BackpackException(ExitCodes.FAILURE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
