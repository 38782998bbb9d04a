package dev.backpack.e2e.faults;

import com.sun.net.httpserver.HttpServer;
import dev.backpack.e2e.servers.ForwardingHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A search server that dies in the middle of a bulk request: the first bulk reaches the real server and
 * is applied, but the connection is cut before the answer comes back, as when the server is killed
 * after writing. Everything after that is forwarded as usual (the server "restarted").
 */
final class DroppingProxy implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger dropped = new AtomicInteger();

    DroppingProxy(String targetUrl) {
        ForwardingHandler forward = new ForwardingHandler(targetUrl);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/_bulk") && dropped.compareAndSet(0, 1)) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                try {
                    client.send(HttpRequest.newBuilder(URI.create(targetUrl + exchange.getRequestURI()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close(); // no answer: the client sees the connection die
                return;
            }
            forward.handle(exchange);
        });
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int droppedBulks() {
        return dropped.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
