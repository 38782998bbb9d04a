package dev.backpack.agent.sink.search;

import com.sun.net.httpserver.HttpServer;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a server that is not a search server, or that speaks plain HTTP to an https:// address,
 * gave raw Jackson text ("Unexpected character ('<'...") or "Unexpected input" with no hint.
 */
class WrongServerMessagesTest {
    private HttpServer html;

    @BeforeEach
    void start() throws IOException {
        html = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        html.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        html.start();
    }

    @AfterEach
    void stop() {
        html.stop(0);
    }

    @Test
    void aServerAnsweringHtmlIsNamedAsNotASearchServer() {
        String reason = firstReason("http://127.0.0.1:" + html.getAddress().getPort());
        assertThat(reason).contains("not JSON", "HTML", "OpenSearch or Elasticsearch")
                .doesNotContain("Unexpected character", "Exception");
    }

    /** As OpenSearch, nginx and most plain-HTTP servers do: a TLS hello is a bad request, answered in clear text. */
    @Test
    void httpsToAPlainHttpServerSuggestsHttp() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (Socket client = plain.accept()) {
                        client.getInputStream().read(new byte[512]);
                        client.getOutputStream().write(("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // next connection, or closed
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            String reason = firstReason("https://127.0.0.1:" + plain.getLocalPort());
            assertThat(reason).contains("TLS", "plain HTTP", "http://").doesNotContain("--cacert");
        }
    }

    private static String firstReason(String url) {
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(url, null), Optional.empty(),
                new TlsSettings(null, false), 0, Duration.ofSeconds(10)))) {
            DeliveryReport report = sink.deliver(List.of(MetadataDocument.of(MetadataModule.CPUINFO, "n", "cpuinfo",
                    Map.of("cpus", 2), "u", "n", null, "t", "v")), RawResultDocument.of("u", "n", null, "t", "v", Map.of()));
            assertThat(report.ok()).isFalse();
            return report.modules().get("cpuinfo").failed().get(0).reason();
        }
    }
}
