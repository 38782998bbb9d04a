package dev.backpack.e2e.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for localhost / 127.0.0.1, made at test time with the JDK's keytool (no
 * key material in the repository). {@link #pem()} is what a user would pass with {@code --cacert}.
 */
public final class SelfSignedCertificate {
    private static final String ALIAS = "backpack-test";
    private final char[] password = "test-keystore".toCharArray();
    private final Path keyStoreFile;
    private final Path pem;

    public SelfSignedCertificate(Path dir) {
        this.keyStoreFile = dir.resolve("proxy.p12");
        this.pem = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStoreFile.toString(), "-storepass", new String(password), "-keypass",
                new String(password)));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStoreFile.toString(),
                "-storepass", new String(password), "-file", pem.toString()));
    }

    public Path pem() {
        return pem;
    }

    KeyStore keyStore() {
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test key store " + keyStoreFile, e);
        }
    }

    char[] password() {
        return password.clone();
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
