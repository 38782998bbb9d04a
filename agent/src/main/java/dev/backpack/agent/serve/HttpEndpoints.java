package dev.backpack.agent.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backpack.agent.summary.SummaryJson;
import dev.backpack.agent.summary.TerminationSummary;
import dev.backpack.contract.AgentFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serve mode's HTTP face on the JDK's server (enough for three endpoints, and keeps the agent image
 * small): turns requests into calls on the {@link CollectionCoordinator} and its answers into JSON.
 */
final class HttpEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HTTP_DRAIN = Duration.ofSeconds(3);
    private static final int MAX_BODY = 64 * 1024;

    private final ListenAddress listen;
    private final CollectionCoordinator collections;
    private final InFlightExchanges inFlight = new InFlightExchanges();
    private final ExecutorService handlers = Executors.newCachedThreadPool(DaemonThreads.named("backpack-http"));
    private HttpServer http;

    HttpEndpoints(ListenAddress listen, CollectionCoordinator collections) {
        this.listen = listen;
        this.collections = collections;
    }

    /** @throws UncheckedIOException when the port cannot be bound, naming {@code --listen} */
    void start() {
        try {
            http = HttpServer.create(listen.socketAddress(), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listen + " (" + AgentFlags.LISTEN + "): "
                    + e.getMessage(), e);
        }
        http.createContext(AgentFlags.HEALTHZ, exchange -> handle(exchange, this::healthz));
        http.createContext(AgentFlags.READYZ, exchange -> handle(exchange, this::readyz));
        http.createContext(AgentFlags.COLLECT, exchange -> handle(exchange, this::collect));
        http.setExecutor(handlers);
        http.start();
        LOG.info("serving {} {} {} on {}", AgentFlags.HEALTHZ, AgentFlags.READYZ, AgentFlags.COLLECT, listen);
    }

    int port() {
        return http.getAddress().getPort();
    }

    /** Lets exchanges in progress finish (at most a few seconds), then closes the port. */
    void stop() {
        if (http != null) {
            inFlight.awaitIdle(HTTP_DRAIN);
            http.stop(0);
        }
        handlers.shutdown();
    }

    private Response healthz(HttpExchange exchange) {
        if (!isGet(exchange)) {
            return Response.methodNotAllowed("GET");
        }
        return Response.json(200, "{\"status\":\"ok\"}");
    }

    private Response readyz(HttpExchange exchange) {
        if (!isGet(exchange)) {
            return Response.methodNotAllowed("GET");
        }
        if (collections.stopping()) {
            return Response.json(503, "{\"status\":\"stopping\"}");
        }
        TerminationSummary summary = collections.readySummary();
        if (summary != null) {
            return Response.json(200, SummaryJson.toLine(summary));
        }
        TerminationSummary failure = collections.lastFailure();
        return failure != null ? Response.json(503, SummaryJson.toLine(failure))
                : Response.json(503, "{\"status\":\"collecting\"}");
    }

    private Response collect(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Response.methodNotAllowed("POST");
        }
        String uuid;
        try (InputStream in = exchange.getRequestBody()) {
            uuid = CollectRequest.uuid(exchange.getRequestURI().getRawQuery(), in.readNBytes(MAX_BODY));
        } catch (IllegalArgumentException e) {
            return Response.json(400, error(e.getMessage()));
        }
        if (collections.stopping()) {
            return Response.json(503, error("the agent is shutting down"));
        }
        Optional<TerminationSummary> summary = collections.collectNow(uuid);
        if (summary.isEmpty()) {
            return Response.json(409, error("a collection is already running; try again when it has finished"));
        }
        return Response.json(summary.get().ok() ? 200 : 500, SummaryJson.toLine(summary.get()));
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private static boolean isGet(HttpExchange exchange) {
        return "GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod());
    }

    private void handle(HttpExchange exchange, Handler handler) {
        inFlight.enter();
        try {
            respond(exchange, handler);
        } finally {
            inFlight.leave();
        }
    }

    private void respond(HttpExchange exchange, Handler handler) {
        try (exchange) {
            Response response;
            try {
                response = handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
                response = Response.json(500, error("internal error: " + e.getClass().getSimpleName()));
            }
            byte[] body = response.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (response.allow != null) {
                exchange.getResponseHeaders().set("Allow", response.allow);
            }
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Handler {
        Response handle(HttpExchange exchange) throws IOException;
    }

    private record Response(int status, String body, String allow) {
        static Response json(int status, String body) {
            return new Response(status, body, null);
        }

        static Response methodNotAllowed(String allowed) {
            return new Response(405, "{\"error\":\"use " + allowed + "\"}", allowed);
        }
    }
}
