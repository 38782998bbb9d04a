package dev.backpack.e2e.delivery;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.cli.CliRunner.Result;
import dev.backpack.agent.cli.CliRunner;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.search.BasicCredentials;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.e2e.servers.SecuredElasticsearchServer;
import dev.backpack.e2e.servers.ServersExtension;
import dev.backpack.e2e.servers.TestCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's command line against a real Elasticsearch 8 with security on (its own CA, TLS on HTTP, a
 * password): {@code --cacert} with credentials from files works; a wrong password and an unknown CA are
 * each one line naming the cause, exit 1, no stack trace, the password never shown.
 */
@ExtendWith(ServersExtension.class)
class Elasticsearch8SecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String[] args(SecuredElasticsearchServer es, String uuid, Path ca, String password) throws Exception {
        BasicCredentials elastic = es.credentials().orElseThrow();
        Path username = Files.writeString(dir.resolve("username"), elastic.username() + "\n");
        Path passwordFile = Files.writeString(dir.resolve("password"), password + "\n");
        return new String[]{"-s", es.url(), "--cacert", ca.toString(), "--username-file", username.toString(),
                "--password-file", passwordFile.toString(), "-u", uuid, "-n", "secure-node", "--tags", "cpu",
                "--host-root", TestDocuments.CAPTURED_HOST.toString(), "--index-retries", "1", "--timeout", "20s",
                "--termination-log", dir.resolve("termination-log").toString()};
    }

    @Test
    void caCertAndCredentialFilesIndexIntoTheSecuredServer(SecuredElasticsearchServer es) throws Exception {
        String uuid = TestDocuments.newUuid();

        Result run = CliRunner.run(Map.of(), args(es, uuid, es.caCertificate(),
                es.credentials().orElseThrow().password()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(Files.readString(dir.resolve("termination-log")));
        assertThat(summary.get("status").asText()).isEqualTo("ok");
        assertThat(summary.get("target").asText()).isEqualTo(es.url());
        es.request("POST", "/cpuinfo-metadata/_refresh", null);
        JsonNode count = JSON.readTree(es.request("POST", "/cpuinfo-metadata/_count",
                "{\"query\":{\"term\":{\"uuid\":\"" + uuid + "\"}}}").body());
        assertThat(count.get("count").asInt()).isPositive();
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheCredentials(SecuredElasticsearchServer es) throws Exception {
        String wrong = "Not-The-Elastic-Password";

        Result run = CliRunner.run(Map.of(), args(es, TestDocuments.newUuid(), es.caCertificate(), wrong));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(oneErrorLine(run)).contains(es.url() + " rejected the credentials (HTTP 401)")
                .contains("--password-file");
        assertThat(run.out() + run.err()).doesNotContain(wrong);
    }

    @Test
    void anUnknownCaIsOneLineNamingTheTlsCheck(SecuredElasticsearchServer es) throws Exception {
        Path otherCa = new TestCertificateAuthority("Some Other CA", dir).certificatePem();

        Result run = CliRunner.run(Map.of(), args(es, TestDocuments.newUuid(), otherCa,
                es.credentials().orElseThrow().password()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(oneErrorLine(run)).contains("TLS handshake with " + es.url() + " failed")
                .contains("--cacert");
    }

    @Test
    void aUserWhoMayNotInstallTemplatesGetsAWarningAndIndexingGoesOn(SecuredElasticsearchServer es)
            throws Exception {
        // The writer may read templates (monitor): take ours away so that it has to create one.
        try (SearchSink admin = new SearchSink(es.sinkConfig(1, Duration.ofSeconds(30)))) {
            admin.deliver(TestDocuments.nodeDocuments(TestDocuments.newUuid(), "admin-node"), null);
        }
        JsonNode ours = JSON.readTree(es.request("GET", "/_index_template/backpack", null).body())
                .path("index_templates").get(0).path("index_template");
        assertThat(es.request("DELETE", "/_index_template/backpack", null).statusCode()).isEqualTo(200);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger templates = (Logger) LoggerFactory.getLogger("dev.backpack.agent.sink.search.IndexTemplates");
        templates.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        String uuid = TestDocuments.newUuid();
        DeliveryReport report;
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(es.url(), null),
                Optional.of(es.writer()), es.tls(), 1,
                Duration.ofSeconds(30)))) {
            report = sink.deliver(TestDocuments.nodeDocuments(uuid, "writer-node"), TestDocuments.raw(uuid, "writer-node"));
        } finally {
            root.detachAppender(logs);
            templates.setLevel(null);
            es.request("PUT", "/_index_template/backpack", ours.toString());
        }

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.modules().get("cpuinfo").delivered() + report.modules().get("cpuinfo").alreadyPresent())
                .isEqualTo(2);
        assertThat(logs.list).as(logs.list.toString()).filteredOn(e -> e.getLevel() == Level.WARN)
                .anySatisfy(e -> assertThat(e.getFormattedMessage())
                        .startsWith("index template backpack not installed")
                        .contains("HTTP 403").contains("manage_index_templates")
                        .contains("indexing goes on").doesNotContain(es.writer().password()));
    }

    /** The one line that says why the run failed; no stack trace anywhere. */
    private static String oneErrorLine(Result run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Caused by");
        List<String> lines = Arrays.stream(run.err().split("\n")).filter(l -> l.startsWith("backpack:")).toList();
        assertThat(lines).as(run.err()).hasSize(1);
        return lines.get(0);
    }
}
