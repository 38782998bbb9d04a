package dev.backpack.e2e.servers;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-HTTP proxy to a real server that answers the first bulk requests with the given error
 * statuses (e.g. 429, 503) and forwards everything else: how an overloaded cluster behaves.
 * Status 0 in the script means "always fail with 503".
 */
public final class FlakyProxy implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Integer> script;
    private final AtomicInteger bulkRequests = new AtomicInteger();
    private final boolean alwaysFail;

    private FlakyProxy(String targetUrl, int port, List<Integer> failures, boolean alwaysFail) {
        this.script = new ArrayDeque<>(failures);
        this.alwaysFail = alwaysFail;
        ForwardingHandler forward = new ForwardingHandler(targetUrl);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open port " + port, e);
        }
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/_bulk")) {
                bulkRequests.incrementAndGet();
                Integer status;
                synchronized (script) {
                    status = alwaysFail ? Integer.valueOf(503) : script.poll();
                }
                if (status != null) {
                    exchange.getRequestBody().readAllBytes();
                    ForwardingHandler.respond(exchange, status, "application/json",
                            ("{\"error\":{\"type\":\"test_failure\",\"reason\":\"scripted " + status + "\"},\"status\":"
                                    + status + "}").getBytes(StandardCharsets.UTF_8));
                    exchange.close();
                    return;
                }
            }
            forward.handle(exchange);
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Fails the first bulk requests with {@code statuses}, in order, then forwards. */
    public static FlakyProxy failingFirst(String targetUrl, List<Integer> statuses) {
        return new FlakyProxy(targetUrl, 0, statuses, false);
    }

    /** Fails every bulk request with 503. */
    public static FlakyProxy alwaysUnavailable(String targetUrl) {
        return new FlakyProxy(targetUrl, 0, List.of(), true);
    }

    /** A plain forwarder on a given port: "the server came up" for connection-refused tests. */
    public static FlakyProxy forwardingOn(int port, String targetUrl) {
        return new FlakyProxy(targetUrl, port, List.of(), false);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int bulkRequests() {
        return bulkRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
