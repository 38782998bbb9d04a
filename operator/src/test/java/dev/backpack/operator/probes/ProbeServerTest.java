package dev.backpack.operator.probes;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeServerTest {
    final HttpClient http = HttpClient.newHttpClient();

    int get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void answersWhatTheOperatorReports() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        AtomicBoolean ready = new AtomicBoolean(false);
        try (ProbeServer server = ProbeServer.start(0, healthy::get, ready::get)) {
            assertThat(get(server.port(), "/healthz")).isEqualTo(200);
            assertThat(get(server.port(), "/readyz")).isEqualTo(503);
            ready.set(true);
            healthy.set(false);
            assertThat(get(server.port(), "/readyz")).isEqualTo(200);
            assertThat(get(server.port(), "/healthz")).isEqualTo(503);
        }
    }
}
