package dev.backpack.agent.sink.search;

import dev.backpack.agent.retry.Backoff;
import dev.backpack.agent.retry.Deadline;
import dev.backpack.agent.retry.Pause;
import dev.backpack.contract.IndexNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "does the index hold this node's raw result for this uuid?", the check behind a Redis key
 * that says "Metadata-Exists". It is the whole work of a de-duplicated run, so it uses the JDK's
 * {@link HttpURLConnection} (same address, credentials and TLS trust as the sink) instead of starting
 * opensearch-java, httpclient5 and Jackson: a skipped run then costs little more than a JVM start.
 * A just-indexed document is not searchable before the index's next periodic refresh (1 s by default),
 * so an empty answer is asked again, with a growing wait, for up to {@link #VISIBILITY_WINDOW}; only if
 * the documents are still not there is that one index refreshed and asked a last time. It used to
 * refresh on the first empty answer: in a fleet every losing agent forced a refresh of the raw index,
 * which made them all wait on each other (a quarter of the fleet's waiting). Any failure answers "no"
 * (collect), never "yes".
 */
final class IndexProbe {
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final String OPTIONS = "?ignore_unavailable=true&allow_no_indices=true";
    /** Three periodic refreshes at the default interval, with room for a busy server's refresh to take time. */
    static final Duration VISIBILITY_WINDOW = Duration.ofSeconds(3);
    private static final Backoff POLL = new Backoff(Duration.ofMillis(50), Duration.ofMillis(500));

    private final SearchSinkConfig config;
    private final SSLContext sslContext;
    private final FailureClassifier classifier;
    private final int timeoutMillis;

    IndexProbe(SearchSinkConfig config, SSLContext sslContext, FailureClassifier classifier) {
        this.config = config;
        this.sslContext = sslContext;
        this.classifier = classifier;
        this.timeoutMillis = (int) Math.min(config.timeout().toMillis(), Duration.ofSeconds(10).toMillis());
    }

    boolean hasDocuments(String uuid, String nodeName) {
        String query = "{\"query\":{\"bool\":{\"filter\":[" + exact("uuid", uuid) + "," + exact("node_name", nodeName)
                + "]}}}";
        try {
            if (visibleWithinWindow(query)) {
                return true;
            }
            // A longer refresh_interval than the window (or -1): a refresh is the only way to be sure.
            post("/" + IndexNames.RAW + "/_refresh" + OPTIONS, null);
            return count(query) > 0;
        } catch (IOException | ProbeFailure e) {
            String reason = e instanceof ProbeFailure failure ? failure.getMessage() : classifier.classify(e).message();
            log().warn("cannot check {} for documents of uuid {} on {}: {}; collecting", config.address(), uuid,
                    nodeName, reason);
            return false;
        }
    }

    /** Asks {@code _count} until it finds the documents or the window (at most {@code --timeout}) is over. */
    private boolean visibleWithinWindow(String query) throws IOException {
        Deadline window = Deadline.after(VISIBILITY_WINDOW.compareTo(config.timeout()) < 0
                ? VISIBILITY_WINDOW : config.timeout());
        for (int retry = 1; ; retry++) {
            if (count(query) > 0) {
                return true;
            }
            Duration wait = POLL.delayBefore(retry);
            if (!window.allows(wait) || !Pause.sleep(wait)) {
                return false;
            }
        }
    }

    private long count(String query) throws IOException {
        String body = post("/" + IndexNames.RAW + "/_count" + OPTIONS, query);
        Matcher count = COUNT.matcher(body);
        if (!count.find()) {
            throw new ProbeFailure("unexpected answer to _count");
        }
        return Long.parseLong(count.group(1));
    }

    private String post(String path, String json) throws IOException {
        ServerAddress address = config.address();
        HttpURLConnection connection = (HttpURLConnection) URI.create(address.uri() + path).toURL().openConnection();
        try {
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(sslContext.getSocketFactory());
                if (config.tls().insecureSkipVerify()) {
                    https.setHostnameVerifier((host, session) -> true);
                }
            }
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/json");
            config.credentials().ifPresent(c -> connection.setRequestProperty("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((c.username() + ":" + c.password())
                    .getBytes(StandardCharsets.UTF_8))));
            if (json != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            if (status >= 300) {
                throw new ProbeFailure(classifier.fromStatus(status, null).message());
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }

    /** Matches the exact value whether the field is mapped as keyword (ours) or as text + .keyword (dynamic). */
    private static String exact(String field, String value) {
        String v = jsonString(value);
        return "{\"bool\":{\"minimum_should_match\":1,\"should\":[{\"term\":{\"" + field + "\":" + v + "}},"
                + "{\"term\":{\"" + field + ".keyword\":" + v + "}}]}}";
    }

    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A failed check, with a message already fit for users. */
    private static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String message) {
            super(message);
        }
    }

    // Looked up when something is logged, not at class initialisation: a static logger would set up
    // logging (logback and SLF4J, about 85 classes) in every run, most of which log nothing.
    private static Logger log() {
        return LoggerFactory.getLogger(IndexProbe.class);
    }
}
