package dev.backpack.agent.retry;

import java.time.Duration;

/** The wait between two attempts. */
public final class Pause {
    private Pause() {
    }

    /**
     * Sleeps {@code wait}; false if interrupted, with the thread's interrupt flag set again so that the
     * caller's caller sees it too.
     */
    public static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
