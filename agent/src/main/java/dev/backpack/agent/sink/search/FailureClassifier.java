package dev.backpack.agent.sink.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.backpack.contract.AgentFlags;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Turns what opensearch-java and httpclient5 throw into a {@link SearchFailure}. Messages name the
 * server without credentials and say what to do; {@link SecretRedactor} scrubs anything echoed back.
 */
final class FailureClassifier {
    /** What the JDK's TLS engine says when the first bytes back are not TLS (a plain-HTTP server's error page). */
    private static final Pattern PLAINTEXT_REPLY = Pattern.compile("plaintext connection|Unrecognized SSL message"
            + "|Unsupported or unrecognized SSL message");
    /** A full queue reported under another status (a proxy's 503, an older server's rejected execution). */
    private static final Pattern SATURATED = Pattern.compile("(?i)rejected_execution|too many requests");
    private final ServerAddress address;
    private final SecretRedactor redactor;

    FailureClassifier(ServerAddress address, SecretRedactor redactor) {
        this.address = address;
        this.redactor = redactor;
    }

    SearchFailure classify(Throwable error) {
        int status = statusOf(error);
        if (status > 0) {
            return fromStatus(status, detail(error));
        }
        if (find(error, SSLException.class) != null) {
            String root = rootMessage(error);
            if (address.isHttps() && PLAINTEXT_REPLY.matcher(root).find()) {
                return new SearchFailure(SearchFailure.Kind.TLS, 0, "TLS handshake with " + address
                        + " failed: the server answers in plain HTTP, not TLS; write http:// in -s/--server");
            }
            String hint = address.isHttps()
                    ? "pass the server's CA with " + AgentFlags.CACERT + " (PEM), or " + AgentFlags.INSECURE_SKIP_VERIFY
                    + " to skip verification (unsafe)"
                    : "the server may expect https://; put it in -s/--server";
            return new SearchFailure(SearchFailure.Kind.TLS, 0, "TLS handshake with " + address + " failed ("
                    + redactor.redact(rootMessage(error)) + "): " + hint);
        }
        if (find(error, UnknownHostException.class) != null) {
            return new SearchFailure(SearchFailure.Kind.UNREACHABLE, 0, "cannot resolve the host of " + address
                    + "; check -s/--server");
        }
        if (find(error, ConnectException.class) != null || find(error, NoRouteToHostException.class) != null) {
            return new SearchFailure(SearchFailure.Kind.UNREACHABLE, 0, "cannot connect to " + address + " ("
                    + redactor.redact(rootMessage(error)) + "); check -s/--server and -p/--port and that it is up");
        }
        if (find(error, SocketTimeoutException.class) != null || find(error, TimeoutException.class) != null) {
            return new SearchFailure(SearchFailure.Kind.UNREACHABLE, 0, address + " did not answer in time ("
                    + redactor.redact(rootMessage(error)) + ")");
        }
        JsonProcessingException notJson = find(error, JsonProcessingException.class);
        if (notJson != null) {
            String looks = String.valueOf(notJson.getOriginalMessage()).startsWith("Unexpected character ('<'")
                    ? "it looks like an HTML page" : "an unreadable answer";
            return new SearchFailure(SearchFailure.Kind.REJECTED, 0, address + " answered with something that is not "
                    + "JSON (" + looks + "); is -s/--server the address of an OpenSearch or Elasticsearch server, "
                    + "not of a proxy, a dashboard or a login page?");
        }
        // Connection reset, closed before the response, and other I/O trouble: worth another try.
        return new SearchFailure(SearchFailure.Kind.UNREACHABLE, 0, "request to " + address + " failed: "
                + redactor.redact(rootMessage(error)));
    }

    SearchFailure fromStatus(int status, String detail) {
        String suffix = detail == null || detail.isBlank() ? "" : ": " + redactor.redact(detail);
        if (status == 401) {
            return new SearchFailure(SearchFailure.Kind.AUTH, status, address + " rejected the credentials (HTTP 401)"
                    + "; check the username and password (" + AgentFlags.USERNAME_FILE + "/" + AgentFlags.PASSWORD_FILE
                    + ", " + AgentFlags.USERNAME_ENV + "/" + AgentFlags.PASSWORD_ENV + " or user:pass@ in -s)");
        }
        if (status == 403) {
            return new SearchFailure(SearchFailure.Kind.AUTH, status, address + " denied access (HTTP 403)"
                    + "; the user needs permission to write the *-metadata and stockpile-results-raw indexes" + suffix);
        }
        if (status == 429 || status >= 500 && detail != null && SATURATED.matcher(detail).find()) {
            return new SearchFailure(SearchFailure.Kind.THROTTLED, status, address + " is throttling (HTTP " + status + ")" + suffix);
        }
        if (status >= 500) {
            return new SearchFailure(SearchFailure.Kind.SERVER_ERROR, status, address + " answered HTTP " + status + suffix);
        }
        return new SearchFailure(SearchFailure.Kind.REJECTED, status, address + " rejected the request (HTTP " + status
                + ")" + suffix);
    }

    private static int statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OpenSearchException e) {
                return e.status();
            }
            if (t instanceof ResponseException e) {
                return e.status();
            }
        }
        return 0;
    }

    private static String detail(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OpenSearchException e && e.error() != null) {
                return e.error().type() + ": " + e.error().reason();
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
