package dev.backpack.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium driven over the DevTools protocol (JDK HttpClient WebSocket): opens a page,
 * records console messages, exceptions and network requests, evaluates expressions, takes screenshots.
 */
final class BrowserSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    /** The browser on PATH (Debian's package is {@code chromium}), if any. */
    static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(":")) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    BrowserSession(Path browser, Path profile, int width, int height) throws IOException, InterruptedException {
        process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    int at = line.indexOf("ws://");
                    if (line.contains("DevTools listening on") && at >= 0) {
                        endpoint.complete(line.substring(at).strip());
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("chromium ended without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(endpoint.get(WAIT.toSeconds(), TimeUnit.SECONDS)), new Listener())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String target = call("Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                    .path("targetId").asText();
            session = call("Target.attachToTarget", JSON.createObjectNode().put("targetId", target).put("flatten", true))
                    .path("sessionId").asText();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot start " + browser + ": " + e.getMessage(), e);
        }
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            call(domain + ".enable", JSON.createObjectNode());
        }
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Opens the page and waits for its load event. */
    void open(URI page) throws IOException, InterruptedException {
        call("Page.navigate", JSON.createObjectNode().put("url", page.toString()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (events.stream().noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
            JsonNode message = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new IOException("the page did not load within " + WAIT);
            }
            record(message);
        }
    }

    /** Evaluates a JavaScript expression in the page and returns its value as text. */
    String evaluate(String expression) throws IOException, InterruptedException {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true));
        return result.path("result").path("value").asText();
    }

    byte[] screenshot() throws IOException, InterruptedException {
        JsonNode result = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        return java.util.Base64.getDecoder().decode(result.path("data").asText());
    }

    /** Console errors and warnings, uncaught exceptions and browser log errors, as lines. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                if (method.equals("Runtime.consoleAPICalled") && !p.path("type").asText().equals("log")) {
                    problems.add("console." + p.path("type").asText() + ": " + p.path("args"));
                } else if (method.equals("Runtime.exceptionThrown")) {
                    problems.add("exception: " + p.path("exceptionDetails"));
                } else if (method.equals("Log.entryAdded") && !p.path("entry").path("level").asText().equals("verbose")
                        && !p.path("entry").path("level").asText().equals("info")) {
                    problems.add("log " + p.path("entry").path("level").asText() + ": " + p.path("entry").path("text"));
                }
            }
        }
        return problems;
    }

    /** Every URL the page requested. */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                if (e.path("method").asText().equals("Network.requestWillBeSent")) {
                    urls.add(e.path("params").path("request").path("url").asText());
                }
            }
        }
        return urls;
    }

    private JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        socket.sendText(message.toString(), true).join();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode answer = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (answer == null) {
                throw new IOException(method + ": no answer within " + WAIT);
            }
            if (answer.path("id").asInt(-1) == id) {
                if (answer.has("error")) {
                    throw new IOException(method + " failed: " + answer.get("error"));
                }
                return answer.path("result");
            }
            record(answer);
        }
    }

    private void record(JsonNode message) {
        if (message.has("method")) {
            events.add(message);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    // not JSON: nothing the protocol sends
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
