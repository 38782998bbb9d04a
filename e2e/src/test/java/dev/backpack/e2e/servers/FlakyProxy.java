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
    private final AtomicInteger refreshRequests = new AtomicInteger();
    private final boolean alwaysFail;
    private final AtomicInteger itemRejections;

    private FlakyProxy(String targetUrl, int port, List<Integer> failures, boolean alwaysFail, int rejections) {
        this.script = new ArrayDeque<>(failures);
        this.alwaysFail = alwaysFail;
        this.itemRejections = new AtomicInteger(rejections);
        ForwardingHandler forward = new ForwardingHandler(targetUrl);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open port " + port, e);
        }
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/_refresh")) {
                refreshRequests.incrementAndGet();
            }
            if (exchange.getRequestURI().getPath().endsWith("/_bulk")) {
                bulkRequests.incrementAndGet();
                if (itemRejections.getAndDecrement() > 0) {
                    rejectEveryItem(exchange);
                    return;
                }
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
        return new FlakyProxy(targetUrl, 0, statuses, false, 0);
    }

    /** Fails every bulk request with 503. */
    public static FlakyProxy alwaysUnavailable(String targetUrl) {
        return new FlakyProxy(targetUrl, 0, List.of(), true, 0);
    }

    /**
     * Answers the first {@code times} bulk requests with HTTP 200 whose every item was rejected with 429
     * ({@code es_rejected_execution_exception}, a full write queue), as a busy cluster does, then forwards.
     */
    public static FlakyProxy rejectingItems(String targetUrl, int times) {
        return new FlakyProxy(targetUrl, 0, List.of(), false, times);
    }

    /** A plain forwarder on a given port: "the server came up" for connection-refused tests. */
    public static FlakyProxy forwardingOn(int port, String targetUrl) {
        return new FlakyProxy(targetUrl, port, List.of(), false, 0);
    }

    private static String field(String actionLine, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(actionLine);
        return m.find() ? m.group(1) : "unknown";
    }

    /** A bulk response with one 429 item per action line of the request (create/index + source pairs). */
    private static void rejectEveryItem(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String[] lines = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i + 1 < lines.length; i += 2) {
            String index = field(lines[i], "_index");
            String id = field(lines[i], "_id");
            items.append(items.length() == 0 ? "" : ",").append("{\"create\":{\"_index\":\"").append(index)
                    .append("\",\"_id\":\"").append(id).append("\",\"status\":429,\"error\":{\"type\":")
                    .append("\"es_rejected_execution_exception\",\"reason\":\"rejected execution (queue full)\"}}}");
        }
        ForwardingHandler.respond(exchange, 200, "application/json",
                ("{\"took\":1,\"errors\":true,\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8));
        exchange.close();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int bulkRequests() {
        return bulkRequests.get();
    }

    /** Requests that forced a refresh ({@code _refresh}) through this proxy. */
    public int refreshRequests() {
        return refreshRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
