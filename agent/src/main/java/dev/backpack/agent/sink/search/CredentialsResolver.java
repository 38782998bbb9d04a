package dev.backpack.agent.sink.search;

import dev.backpack.contract.AgentFlags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the basic-auth credentials. Each of username and password is taken from the first source that
 * has it: a file ({@code --username-file}/{@code --password-file}, e.g. a mounted Secret), then the
 * environment ({@code BACKPACK_ES_USERNAME}/{@code BACKPACK_ES_PASSWORD}, how the operator passes a
 * Secret), then the {@code -s} URL's user info. The environment is passed in, not read here, so tests
 * and the CLI decide what it is.
 */
public final class CredentialsResolver {
    private final Map<String, String> environment;

    public CredentialsResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Optional<BasicCredentials> resolve(ServerAddress address, Path usernameFile, Path passwordFile) {
        Optional<BasicCredentials> fromUrl = address.credentials();
        String username = firstOf(read(usernameFile, AgentFlags.USERNAME_FILE), env(AgentFlags.USERNAME_ENV),
                fromUrl.map(BasicCredentials::username).orElse(null));
        String password = firstOf(read(passwordFile, AgentFlags.PASSWORD_FILE), env(AgentFlags.PASSWORD_ENV),
                fromUrl.map(BasicCredentials::password).orElse(null));
        if (username == null && password == null) {
            return Optional.empty();
        }
        if (username == null) {
            throw new IllegalArgumentException("a password was given but no username: set " + AgentFlags.USERNAME_FILE
                    + ", " + AgentFlags.USERNAME_ENV + " or user:pass@ in -s/--server");
        }
        if (password == null) {
            throw new IllegalArgumentException("a username was given but no password: set " + AgentFlags.PASSWORD_FILE
                    + ", " + AgentFlags.PASSWORD_ENV + " or user:pass@ in -s/--server");
        }
        return Optional.of(new BasicCredentials(username, password));
    }

    private String env(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String read(Path file, String flag) {
        if (file == null) {
            return null;
        }
        try {
            // Secret files often end with a newline the user did not mean as part of the value.
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(flag + " " + file + " is empty; it must hold the value");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + " " + file + " cannot be read (" + ReadFailure.describe(e)
                    + "); mount the Secret there or fix the path");
        }
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
