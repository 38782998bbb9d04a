package dev.backpack.agent.sink.search;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Why a file named on the command line could not be read, in words a user acts on (not an exception name). */
final class ReadFailure {
    private ReadFailure() {
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "read error" : message.strip();
    }
}
