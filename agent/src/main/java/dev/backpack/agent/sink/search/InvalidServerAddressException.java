package dev.backpack.agent.sink.search;

/** A user mistake in {@code -s/--server} or {@code -p}; the message names the flag and the fix. */
public class InvalidServerAddressException extends IllegalArgumentException {
    public InvalidServerAddressException(String message) {
        super(message);
    }
}
