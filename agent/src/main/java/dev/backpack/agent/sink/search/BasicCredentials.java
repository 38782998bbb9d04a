package dev.backpack.agent.sink.search;

import java.util.Objects;

/** A username and password for HTTP basic auth. {@link #toString()} never shows the password. */
public record BasicCredentials(String username, String password) {

    public BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
