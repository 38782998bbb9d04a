package dev.backpack.agent.sink.search;

/**
 * Why a request to the search cluster failed, in words a user can act on, and whether trying again
 * can help (connection problems, 429 and 5xx can; TLS, auth and bad requests cannot).
 */
public record SearchFailure(Kind kind, int status, String message) {

    public enum Kind {
        UNREACHABLE(true), TLS(false), AUTH(false), THROTTLED(true), SERVER_ERROR(true), REJECTED(false),
        TIMED_OUT(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }
    }

    public boolean retriable() {
        return kind.retriable;
    }
}
