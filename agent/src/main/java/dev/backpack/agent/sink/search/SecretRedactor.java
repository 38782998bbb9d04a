package dev.backpack.agent.sink.search;

import java.util.Optional;

/**
 * Last line of defence for error text that came back from a library or server: replaces the password,
 * should it appear, with {@code ***}. Messages are built without credentials in the first place.
 */
final class SecretRedactor {
    private final String secret;

    SecretRedactor(Optional<BasicCredentials> credentials) {
        this.secret = credentials.map(BasicCredentials::password).filter(p -> p.length() >= 3).orElse(null);
    }

    String redact(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(secret, "***");
    }
}
