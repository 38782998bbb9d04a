package dev.backpack.e2e.servers;

import dev.backpack.agent.sink.search.BasicCredentials;
import dev.backpack.agent.sink.search.TlsSettings;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch 8 as users run it: security on, TLS on HTTP with a certificate from a CA made in the test
 * ({@link TestCertificateAuthority}), and the {@code elastic} user's password set as
 * {@code bootstrap.password} in the server's keystore; plus a less privileged user in the file realm.
 */
public final class SecuredElasticsearchServer extends ElasticsearchServer {
    public static final String USER = "elastic";
    private static final String PASSWORD = "Backpack-Test-" + Long.toHexString(System.nanoTime());
    /** A file-realm user who may write and read the indexes and the version, not manage templates. */
    private static final BasicCredentials WRITER = new BasicCredentials("backpack_writer",
            "Writer-" + Long.toHexString(System.nanoTime()));

    private volatile TestCertificateAuthority ca;
    private volatile Path caPem;

    SecuredElasticsearchServer() {
        super("elasticsearch8", "backpack.elasticsearch8.home", 17);
    }

    @Override
    protected List<String> extraSettings() {
        return List.of("-Expack.security.enabled=true",
                "-Expack.security.http.ssl.enabled=true",
                "-Expack.security.http.ssl.certificate=certs/node.crt",
                "-Expack.security.http.ssl.key=certs/node.key",
                "-Expack.security.transport.ssl.enabled=false");
    }

    @Override
    protected void prepare(Path home, Path javaHome) {
        Path certs = home.resolve("config/certs");
        ca = new TestCertificateAuthority("Backpack Test CA", home.resolveSibling(home.getFileName() + "-ca"));
        caPem = ca.certificatePem();
        ca.issueServerCertificate(certs);
        if (Unprivileged.runningAsRoot()) {
            Unprivileged.chownTree(certs);
        }
        addToKeystore(home, javaHome, "bootstrap.password", PASSWORD);
        addWriter(home.resolve("config"));
    }

    private static void addWriter(Path config) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String hash = OpenBSDBCrypt.generate("2a", WRITER.password().toCharArray(), salt, 10);
        try {
            Files.writeString(config.resolve("roles.yml"), WRITER.username() + """
                    :
                      cluster: ["monitor"]
                      indices:
                        - names: ["*-metadata", "stockpile-results-raw"]
                          privileges: ["create_index", "write", "read", "view_index_metadata"]
                    """);
            Files.writeString(config.resolve("users"), WRITER.username() + ":" + hash + "\n");
            Files.writeString(config.resolve("users_roles"), WRITER.username() + ":" + WRITER.username() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the file realm's users into " + config, e);
        }
    }

    /** A user without the privilege to manage index templates (file realm). */
    public BasicCredentials writer() {
        return WRITER;
    }

    /** {@code https://127.0.0.1:<port>} (the certificate names localhost and 127.0.0.1). */
    @Override
    public String url() {
        return "https://127.0.0.1:" + port();
    }

    @Override
    protected SSLContext sslContext() {
        return ca.trustingContext();
    }

    @Override
    public Optional<BasicCredentials> credentials() {
        return Optional.of(new BasicCredentials(USER, PASSWORD));
    }

    /** The CA the server certificate is issued by, as a PEM file for {@code --cacert}. */
    public Path caCertificate() {
        return caPem;
    }

    @Override
    public TlsSettings tls() {
        return TlsSettings.verifyWith(caCertificate());
    }

    private static void addToKeystore(Path home, Path javaHome, String setting, String value) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/elasticsearch-keystore").toString(),
                "add", "--force", "--stdin", setting));
        ProcessBuilder builder = new ProcessBuilder(Unprivileged.command(command)).directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", javaHome.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            Process process = builder.start();
            process.getOutputStream().write(value.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("elasticsearch-keystore add " + setting + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run elasticsearch-keystore in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
