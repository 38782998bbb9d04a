package dev.backpack.agent.compare;

/** The run named by the user is not there (unknown uuid, not an output folder, no such module). */
public final class RunMissingException extends RuntimeException {
    public RunMissingException(String message) {
        super(message);
    }
}
