package dev.backpack.agent.host;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs host tools ({@code nvidia-smi}, {@code rpm}) for the few facts that only they know. A seam so
 * tests can play a tool's recorded output.
 */
public interface CommandRunner {

    /** Where {@code executable} is found on the PATH, or empty when the tool is not installed. */
    Optional<String> find(String executable);

    /**
     * Runs the command and returns its standard output.
     *
     * @throws CommandFailedException when it exits non-zero or does not finish within {@code timeout}
     */
    String run(List<String> command, Duration timeout) throws CommandFailedException;

    final class CommandFailedException extends Exception {
        public CommandFailedException(String message) {
            super(message);
        }
    }
}
