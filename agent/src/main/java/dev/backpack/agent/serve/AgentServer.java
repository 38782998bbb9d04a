package dev.backpack.agent.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backpack.agent.summary.TerminationSummary;
import dev.backpack.agent.summary.SummaryJson;
import dev.backpack.contract.AgentFlags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * {@code backpack serve}: the DaemonSet agent. Collects and indexes once at start (retrying with
 * backoff until it succeeds), is Ready only after that, and stays up for ad-hoc collections:
 * <ul>
 *   <li>{@code GET /healthz}: 200 while the process serves;</li>
 *   <li>{@code GET /readyz}: 503 until the first successful run, then 200 with its summary;</li>
 *   <li>{@code POST /collect[?uuid=...]} (or JSON body {@code {"uuid": "..."}}): one more run, answered
 *       with its summary; 409 while another run is in progress.</li>
 * </ul>
 * The JDK's HTTP server is enough for three endpoints and keeps the agent image small.
 */
public final class AgentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Any uuid users pass today, but nothing that could break a Redis key or a log line. */
    private static final Duration HTTP_DRAIN = Duration.ofSeconds(3);
    private static final Pattern UUID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ServeSettings settings;
    private final CollectionRun run;
    private final ReentrantLock running = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger activeExchanges = new AtomicInteger();
    private final ScheduledExecutorService initial = Executors.newSingleThreadScheduledExecutor(
            daemon("backpack-initial-collection"));
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("backpack-http"));
    private HttpServer http;
    private volatile TerminationSummary readySummary;
    private volatile TerminationSummary lastFailure;
    private volatile boolean stopping;

    public AgentServer(ServeSettings settings, CollectionRun run) {
        this.settings = settings;
        this.run = run;
    }

    /** Binds the port and starts the initial collection in the background; returns at once. */
    public synchronized void start() {
        try {
            http = HttpServer.create(settings.listen().socketAddress(), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.listen() + " (" + AgentFlags.LISTEN + "): "
                    + e.getMessage(), e);
        }
        http.createContext(AgentFlags.HEALTHZ, exchange -> handle(exchange, this::healthz));
        http.createContext(AgentFlags.READYZ, exchange -> handle(exchange, this::readyz));
        http.createContext(AgentFlags.COLLECT, exchange -> handle(exchange, this::collect));
        http.setExecutor(handlers);
        http.start();
        LOG.info("serving {} {} {} on {}", AgentFlags.HEALTHZ, AgentFlags.READYZ, AgentFlags.COLLECT, settings.listen());
        initial.execute(() -> initialCollection(settings.firstRetryDelay()));
    }

    /** The bound port (useful with {@code --listen :0}). */
    public int port() {
        return http.getAddress().getPort();
    }

    public boolean ready() {
        return readySummary != null;
    }

    private void initialCollection(Duration nextDelay) {
        if (stopping || ready()) {
            return;
        }
        if (!running.tryLock()) {
            // An ad-hoc collection is running; look again shortly.
            initial.schedule(() -> initialCollection(nextDelay), 1, TimeUnit.SECONDS);
            return;
        }
        TerminationSummary summary;
        try {
            summary = safeRun(null, false);
        } finally {
            running.unlock();
        }
        if (summary.ok()) {
            markReady(summary);
            return;
        }
        lastFailure = summary;
        if (stopping) {
            return;
        }
        LOG.warn("initial collection failed ({}); retrying in {}", String.join("; ", summary.errors()), nextDelay);
        Duration doubled = nextDelay.multipliedBy(2);
        Duration following = doubled.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : doubled;
        initial.schedule(() -> initialCollection(following), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private TerminationSummary safeRun(String uuid, boolean adHoc) {
        try {
            return run.collect(uuid, adHoc);
        } catch (RuntimeException e) {
            // The runner reports failures in its summary; anything thrown is a bug, kept from killing the server.
            LOG.error("collection run failed unexpectedly", e);
            return TerminationSummary.failedBeforeDelivery(uuid, null, null, "unexpected error: " + e, Duration.ZERO);
        }
    }

    private synchronized void markReady(TerminationSummary summary) {
        boolean first = readySummary == null;
        readySummary = summary;
        lastFailure = null;
        writeReadyFile(summary);
        if (first) {
            LOG.info("ready: {}", SummaryJson.toLine(summary));
        }
    }

    private void writeReadyFile(TerminationSummary summary) {
        Path file = settings.readyFile();
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".backpack-ready", ".tmp");
            Files.writeString(temp, SummaryJson.toLine(summary) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the ready file {} ({}: {}); /readyz still works", file,
                    e.getClass().getSimpleName(), e.getMessage());
        }
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
        TerminationSummary summary = readySummary;
        if (summary != null && !stopping) {
            return Response.json(200, SummaryJson.toLine(summary));
        }
        TerminationSummary failure = lastFailure;
        if (stopping) {
            return Response.json(503, "{\"status\":\"stopping\"}");
        }
        return failure != null ? Response.json(503, SummaryJson.toLine(failure))
                : Response.json(503, "{\"status\":\"collecting\"}");
    }

    private Response collect(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Response.methodNotAllowed("POST");
        }
        String uuid;
        try {
            uuid = requestedUuid(exchange);
        } catch (IllegalArgumentException e) {
            return Response.json(400, error(e.getMessage()));
        }
        if (stopping) {
            return Response.json(503, error("the agent is shutting down"));
        }
        if (!running.tryLock()) {
            return Response.json(409, error("a collection is already running; try again when it has finished"));
        }
        TerminationSummary summary;
        try {
            LOG.info("ad-hoc collection requested{}", uuid == null ? "" : " for uuid " + uuid);
            summary = safeRun(uuid, true);
        } finally {
            running.unlock();
        }
        if (uuid == null && summary.ok()) {
            markReady(summary);
        }
        return Response.json(summary.ok() ? 200 : 500, SummaryJson.toLine(summary));
    }

    private static String requestedUuid(HttpExchange exchange) throws IOException {
        String uuid = null;
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (name.equals("uuid")) {
                    uuid = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(64 * 1024);
        }
        if (uuid == null && body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank()) {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalArgumentException("the body must be JSON like {\"uuid\": \"...\"} or empty");
            }
            JsonNode field = json == null ? null : json.get("uuid");
            if (field != null && !field.isNull()) {
                if (!field.isTextual()) {
                    throw new IllegalArgumentException("\"uuid\" must be a string");
                }
                uuid = field.asText();
            }
        }
        if (uuid != null && !UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("uuid must be 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return uuid;
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private static boolean isGet(HttpExchange exchange) {
        return "GET".equals(exchange.getRequestMethod()) || "HEAD".equals(exchange.getRequestMethod());
    }

    private void awaitIdleExchanges(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (activeExchanges) {
            while (activeExchanges.get() > 0 && System.nanoTime() < end) {
                try {
                    activeExchanges.wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void handle(HttpExchange exchange, Handler handler) {
        activeExchanges.incrementAndGet();
        try {
            respond(exchange, handler);
        } finally {
            synchronized (activeExchanges) {
                activeExchanges.decrementAndGet();
                activeExchanges.notifyAll();
            }
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

    /**
     * SIGTERM: stop taking new collections, let an in-flight one finish (its bulk requests included)
     * within {@link ServeSettings#shutdownGrace()}, then close the port and remove the ready file.
     */
    public void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        initial.shutdown(); // not shutdownNow: never interrupt an in-flight collection
        boolean idle = false;
        try {
            idle = running.tryLock(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            if (!idle) {
                LOG.warn("a collection is still running after {}; stopping anyway", settings.shutdownGrace());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (http != null) {
                // Let exchanges in progress finish (e.g. the answer to the collection that just ended); the
                // JDK 17 server's own stop(delay) would always wait the whole delay.
                awaitIdleExchanges(HTTP_DRAIN);
                http.stop(0);
            }
            handlers.shutdown();
            if (settings.readyFile() != null) {
                Files.deleteIfExists(settings.readyFile());
            }
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", settings.readyFile(), e.getMessage());
        } finally {
            if (idle) {
                running.unlock();
            }
            stopped.countDown();
            LOG.info("stopped");
        }
    }

    /** Stops on SIGTERM/SIGINT (the JVM's shutdown hooks) and blocks the caller until then. */
    public void serveUntilShutdown() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "backpack-shutdown"));
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
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
