package dev.backpack.e2e.delivery;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.search.BasicCredentials;
import dev.backpack.agent.sink.search.CredentialsResolver;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import dev.backpack.contract.AgentFlags;
import dev.backpack.e2e.servers.HttpsAuthProxy;
import dev.backpack.e2e.servers.SelfSignedCertificate;
import dev.backpack.e2e.servers.Servers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS verification and basic auth, through an HTTPS proxy that requires a password, to a real OpenSearch. */
class SearchSinkTlsTest {
    private static final String USER = "backpack";
    private static final String PASSWORD = "S3cret-Pa55word";

    @TempDir
    static Path dir;
    private static SelfSignedCertificate certificate;
    private static HttpsAuthProxy proxy;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void startProxy() {
        certificate = new SelfSignedCertificate(dir);
        proxy = new HttpsAuthProxy(Servers.openSearch().url(), certificate, USER, PASSWORD);
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    private static DeliveryReport deliver(String server, Optional<BasicCredentials> credentials, TlsSettings tls) {
        String uuid = TestDocuments.newUuid();
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(server, null), credentials, tls,
                0, Duration.ofSeconds(20)))) {
            return sink.deliver(TestDocuments.nodeDocuments(uuid, "tls-node"), TestDocuments.raw(uuid, "tls-node"));
        }
    }

    @Test
    void verifiesAgainstTheCaCertAndAuthenticatesWithEnvironmentCredentials() {
        ServerAddress address = ServerAddress.parse(proxy.url(), null);
        Optional<BasicCredentials> credentials = new CredentialsResolver(Map.of(
                AgentFlags.USERNAME_ENV, USER, AgentFlags.PASSWORD_ENV, PASSWORD)).resolve(address, null, null);

        DeliveryReport report = deliver(proxy.url(), credentials, TlsSettings.verifyWith(certificate.pem()));

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.modules().get("cpuinfo").delivered()).isEqualTo(2);
    }

    @Test
    void readsCredentialsFromMountedSecretFiles() throws Exception {
        Path username = Files.writeString(dir.resolve("username"), USER + "\n");
        Path password = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        ServerAddress address = ServerAddress.parse(proxy.url(), null);
        Optional<BasicCredentials> credentials = new CredentialsResolver(Map.of()).resolve(address, username, password);

        assertThat(deliver(proxy.url(), credentials, TlsSettings.verifyWith(certificate.pem())).ok()).isTrue();
    }

    @Test
    void refusesAnUntrustedCertificateWithAClearMessage() {
        DeliveryReport report = deliver(proxy.url(), Optional.of(new BasicCredentials(USER, PASSWORD)),
                TlsSettings.verifyWithSystemTrust());

        assertThat(report.ok()).isFalse();
        assertThat(report.failedCount()).isEqualTo(3);
        assertThat(report.modules().get("cpuinfo").failed().get(0).reason())
                .contains("TLS handshake with " + proxy.url().replace("localhost", "localhost"))
                .contains("--cacert").contains("--insecure-skip-verify");
    }

    @Test
    void insecureSkipVerifyWorksAndSaysSoLoudly() {
        DeliveryReport report = deliver(proxy.url(), Optional.of(new BasicCredentials(USER, PASSWORD)),
                TlsSettings.insecure());

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("verification is OFF").contains("--insecure-skip-verify");
        });
    }

    @Test
    void wrongPasswordIsAClear401AndThePasswordIsNeverShown() {
        String wrong = "Wr0ng-Secret-Value";
        String server = "https://" + USER + ":" + wrong + "@localhost:" + proxy.port();
        ServerAddress address = ServerAddress.parse(server, null);
        Optional<BasicCredentials> credentials = new CredentialsResolver(Map.of()).resolve(address, null, null);
        int refusedBefore = proxy.unauthorizedRequests();

        DeliveryReport report;
        String described;
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(address, credentials,
                TlsSettings.verifyWith(certificate.pem()), 2, Duration.ofSeconds(20)))) {
            described = sink.describe() + " " + sink;
            String uuid = TestDocuments.newUuid();
            report = sink.deliver(TestDocuments.nodeDocuments(uuid, "auth-node"), TestDocuments.raw(uuid, "auth-node"));
        }

        assertThat(report.ok()).isFalse();
        assertThat(report.modules().get("meminfo").failed().get(0).reason())
                .contains("HTTP 401").contains("username and password");
        // At most one each: the index template check, the raw index check and the bulk request.
        assertThat(proxy.unauthorizedRequests() - refusedBefore)
                .as("401 is not retried").isLessThanOrEqualTo(3);
        String everything = report + " " + described + " " + address + " " + credentials + " "
                + logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertThat(everything).doesNotContain(wrong);
    }

    @Test
    void theDeduplicationCheckUsesTheSameTrustAndCredentials() {
        String uuid = TestDocuments.newUuid();
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(proxy.url(), null),
                Optional.of(new BasicCredentials(USER, PASSWORD)), TlsSettings.verifyWith(certificate.pem()), 0,
                Duration.ofSeconds(20)));
             SearchSink insecure = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(proxy.url(), null),
                     Optional.of(new BasicCredentials(USER, PASSWORD)), TlsSettings.insecure(), 0,
                     Duration.ofSeconds(20)));
             SearchSink wrongPassword = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(proxy.url(), null),
                     Optional.of(new BasicCredentials(USER, "not-" + PASSWORD)), TlsSettings.verifyWith(certificate.pem()),
                     0, Duration.ofSeconds(20)))) {
            assertThat(sink.hasDocuments(uuid, "probe-node")).isFalse();
            sink.deliver(TestDocuments.nodeDocuments(uuid, "probe-node"), TestDocuments.raw(uuid, "probe-node"));

            assertThat(sink.hasDocuments(uuid, "probe-node")).isTrue();
            assertThat(insecure.hasDocuments(uuid, "probe-node")).isTrue();
            assertThat(wrongPassword.hasDocuments(uuid, "probe-node")).as("a failed check means: collect").isFalse();
        }
        assertThat(logs.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("cannot check").contains("HTTP 401").doesNotContain(PASSWORD));
    }
}
