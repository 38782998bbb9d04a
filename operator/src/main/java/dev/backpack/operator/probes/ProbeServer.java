package dev.backpack.operator.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The operator pod's probes: {@code /healthz} (liveness: every informer is healthy, on the replica that
 * reconciles; a follower is alive as long as it answers) and {@code /readyz} (readiness: the operator has
 * started). The JDK's own HTTP server: two endpoints need no framework.
 */
public final class ProbeServer implements AutoCloseable {
    public static final String HEALTHZ = "/healthz";
    public static final String READYZ = "/readyz";

    private final HttpServer server;

    private ProbeServer(HttpServer server) {
        this.server = server;
    }

    public static ProbeServer start(int port, RuntimeInfo runtime, Leadership leadership) throws IOException {
        return start(port, () -> !leadership.reconciling() || runtime.allEventSourcesAreHealthy(), runtime::isStarted);
    }

    public static ProbeServer start(int port, BooleanSupplier healthy, BooleanSupplier ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext(HEALTHZ, exchange -> answer(exchange, healthy.getAsBoolean()));
        server.createContext(READYZ, exchange -> answer(exchange, ready.getAsBoolean()));
        server.start();
        return new ProbeServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, boolean ok) throws IOException {
        byte[] body = (ok ? "ok\n" : "not ok\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
