package dev.backpack.e2e.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An agent's serve endpoint as the scenarios use it: a POST, answered once the collection it asks for is done. */
final class AgentEndpoint {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AgentEndpoint() {
    }

    static int post(String hostPort, String pathAndQuery) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + hostPort + pathAndQuery))
                            .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
