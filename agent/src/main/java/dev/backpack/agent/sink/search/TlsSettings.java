package dev.backpack.agent.sink.search;

import java.nio.file.Path;

/**
 * How to verify the server's certificate: against the system trust store (default), against the PEM CA
 * bundle in {@code --cacert}, or not at all with {@code --insecure-skip-verify}.
 */
public record TlsSettings(Path caCert, boolean insecureSkipVerify) {

    public static TlsSettings verifyWithSystemTrust() {
        return new TlsSettings(null, false);
    }

    public static TlsSettings verifyWith(Path caCert) {
        return new TlsSettings(caCert, false);
    }

    public static TlsSettings insecure() {
        return new TlsSettings(null, true);
    }
}
