package dev.backpack.agent.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads from the same server, with the same address, credentials and TLS trust as {@link SearchSink}
 * writes to, for the commands that look at what was indexed ({@code backpack diff/show/report}).
 * Requests are plain JSON over opensearch-java's generic client, so one code path serves OpenSearch
 * and Elasticsearch. Failures become one-line messages without secrets.
 */
public final class SearchReader implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SearchSinkConfig config;
    private final FailureClassifier classifier;
    private final OpenSearchClient client;
    private final OpenSearchGenericClient generic;

    /** A bad {@code --cacert} fails here with {@link IllegalArgumentException}, like for the sink. */
    public SearchReader(SearchSinkConfig config) {
        this.config = config;
        this.classifier = new FailureClassifier(config.address(), new SecretRedactor(config.credentials()));
        SSLContext sslContext = config.address().isHttps() ? TlsContextFactory.create(config.tls(), config.address()) : null;
        this.client = SearchClientFactory.create(config, sslContext);
        this.generic = client.generic();
    }

    /** The server without credentials, for messages. */
    public String describe() {
        return config.address().toString();
    }

    /** An answer: the HTTP status and the parsed body (a missing node when there was none). */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Sends one request; any status comes back as a {@link Reply}, only a failed exchange (no answer,
     * TLS) throws.
     *
     * @throws ReadFailedException with a one-line message naming the server and what to check
     */
    public Reply send(String method, String path, String json) {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path);
        if (json != null) {
            request.json(json);
        }
        try (Response response = generic.execute(request.build())) {
            JsonNode body = JSON.missingNode();
            if (response.getBody().isPresent()) {
                try (Body b = response.getBody().get(); InputStream in = b.body()) {
                    body = JSON.readTree(in);
                    if (body == null) {
                        body = JSON.missingNode();
                    }
                }
            }
            return new Reply(response.getStatus(), body);
        } catch (IOException e) {
            throw new ReadFailedException(classifier.classify(e).message(), e);
        } catch (RuntimeException e) {
            throw new ReadFailedException(classifier.classify(e).message(), e);
        }
    }

    /** Like {@link #send} but a status other than 2xx is a failure, described as the sink would. */
    public JsonNode require(String method, String path, String json) {
        Reply reply = send(method, path, json);
        if (!reply.ok()) {
            JsonNode reason = reply.body().path("error").path("reason");
            throw new ReadFailedException(classifier.fromStatus(reply.status(), reason.isMissingNode() ? null
                    : reason.asText()).message(), null);
        }
        return reply.body();
    }

    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            // nothing left to read
        }
    }

    /** The server could not be read; the message is one line for the user. */
    public static final class ReadFailedException extends RuntimeException {
        public ReadFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
