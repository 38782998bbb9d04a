package dev.backpack.e2e.servers;

import dev.backpack.agent.sink.search.BasicCredentials;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import org.junit.jupiter.api.Assumptions;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real OpenSearch or Elasticsearch node from its integ-test zip (unpacked by the e2e pom): single
 * node, free loopback ports, 512m heap, disk watermarks off, run as {@code nobody} when we are root, on
 * the first JDK of the version it needs ({@link Jdks}). Started once per test JVM through {@link Servers}.
 */
public abstract class SearchServer {
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final String name;
    private final String version;
    private final Path home;
    private final Path javaHome;
    private final int httpPort;
    private final Path consoleLog;
    private final Object httpLock = new Object();
    private HttpClient http;
    private Process process;

    /** @param minimumJava the oldest Java major version the server runs on */
    protected SearchServer(String name, String homeProperty, int minimumJava) {
        this.name = name;
        String configured = System.getProperty(homeProperty);
        Assumptions.assumeTrue(configured != null && Files.isDirectory(Path.of(configured)),
                name + " is not unpacked (system property " + homeProperty + "): run the tests through Maven, "
                        + "e.g. mvn -pl e2e verify, which unpacks the integ-test zip first");
        Path unpacked = Path.of(configured).toAbsolutePath();
        this.version = unpacked.getFileName().toString().replaceFirst("^[a-z]+-", "");
        Optional<Path> jdk = Jdks.atLeast(minimumJava);
        Assumptions.assumeTrue(jdk.isPresent(), name + " " + version + " needs Java " + minimumJava
                + "+ and no such JDK is installed (looked in " + Jdks.searched() + "); install one, e.g. "
                + "a Temurin " + minimumJava + ", or point -Dbackpack.servers.java.home at it");
        this.javaHome = jdk.get();
        this.home = Unprivileged.prepareHome(unpacked);
        this.httpPort = FreePorts.next();
        this.consoleLog = home.resolveSibling(home.getFileName() + "-console.log");
    }

    /** Environment variable naming the JDK the server runs on. */
    protected abstract String javaHomeVariable();

    /** Environment variable carrying extra JVM options. */
    protected abstract String javaOptsVariable();

    /** Launcher script, relative to the home. */
    protected abstract String launcher();

    /** Settings beyond the common ones. */
    protected List<String> extraSettings() {
        return List.of();
    }

    /** Runs before each start, with the server's home (e.g. to write certificates or a keystore). */
    protected void prepare(Path home, Path javaHome) {
    }

    /** How the tests' own HTTP calls trust the server; null for plain http. */
    protected SSLContext sslContext() {
        return null;
    }

    /** The credentials the server requires, if any. */
    public Optional<BasicCredentials> credentials() {
        return Optional.empty();
    }

    /** How a sink verifies this server's certificate. */
    public TlsSettings tls() {
        return TlsSettings.verifyWithSystemTrust();
    }

    public String name() {
        return name;
    }

    /** The server's version, e.g. {@code 3.3.0}. */
    public String version() {
        return version;
    }

    public int port() {
        return httpPort;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** A sink configuration with this server's address, credentials and trust. */
    public SearchSinkConfig sinkConfig(int indexRetries, Duration timeout) {
        return SearchSinkConfig.of(ServerAddress.parse(url(), null), credentials(), tls(), indexRetries, timeout);
    }

    synchronized void start() {
        if (process != null) {
            return;
        }
        deleteTree(home.resolve("data"));
        prepare(home, javaHome);
        List<String> command = new ArrayList<>(List.of(home.resolve(launcher()).toString(),
                "-Ecluster.name=backpack-test",
                "-Enode.name=" + name,
                "-Ediscovery.type=single-node",
                "-Enetwork.host=127.0.0.1",
                "-Ehttp.port=" + httpPort,
                "-Etransport.port=" + FreePorts.next(),
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-Eaction.auto_create_index=true"));
        command.addAll(extraSettings());
        // Benchmarks only, e.g. a small bulk queue so that the server answers 429 (bench/scale.sh).
        for (String setting : System.getProperty("backpack.search.settings", "").split(",")) {
            if (!setting.isBlank()) {
                command.add("-E" + setting.strip());
            }
        }
        ProcessBuilder builder = new ProcessBuilder(Unprivileged.command(command))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        Map<String, String> env = builder.environment();
        env.put(javaHomeVariable(), javaHome.toString());
        env.put(javaOptsVariable(), "-Xms512m -Xmx512m");
        env.put("HOME", home.toString());
        env.remove("JAVA_TOOL_OPTIONS");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " from " + home, e);
        }
        try {
            await(name + " health").atMost(STARTUP_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue());
                }
                return healthy();
            });
        } catch (RuntimeException e) {
            System.err.println("---- last lines of " + consoleLog + " ----\n" + logTail(80));
            stop();
            throw new IllegalStateException(name + " did not become healthy; log tail printed above: " + e.getMessage(), e);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = http().send(authorized(HttpRequest.newBuilder(
                            URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s")))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        deleteTree(home.resolve("data"));
    }

    /** The last {@code lines} lines the server wrote, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + consoleLog + ": " + e.getMessage() + ")";
        }
    }

    /** Plain HTTP call for test assertions (refresh, counts, mappings) without going through the agent. */
    public HttpResponse<String> request(String method, String path, String jsonBody) {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody);
        try {
            return http().send(authorized(HttpRequest.newBuilder(URI.create(url() + path)))
                    .method(method, body).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on " + name + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpClient http() {
        // Not the server's monitor: start() holds it while the health check runs on another thread.
        synchronized (httpLock) {
            if (http == null) {
                SSLContext tls = sslContext();
                http = tls == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(tls).build();
            }
            return http;
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        credentials().ifPresent(c -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover data directory only costs disk space under target/
        }
    }

    @Override
    public String toString() {
        return name + " " + version + " at " + url();
    }
}
