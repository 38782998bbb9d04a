package dev.backpack.agent.compare;

/** Reading a run failed (server unreachable, unreadable file); the message is the one line to print. */
public final class SourceFailedException extends RuntimeException {
    public SourceFailedException(String message) {
        super(message);
    }

    public SourceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
