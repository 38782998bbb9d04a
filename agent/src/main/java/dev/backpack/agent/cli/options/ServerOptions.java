package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.contract.AgentFlags;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where documents are indexed (stockpile-wrapper's -s/-p/--sslskipverify/--index-retries) and how
 * to talk to it. Credentials come from files or {@code BACKPACK_ES_USERNAME}/{@code BACKPACK_ES_PASSWORD},
 * never from flags, so they do not show up in process listings.
 */
public final class ServerOptions {
    @Option(names = {AgentFlags.SERVER_SHORT, AgentFlags.SERVER}, paramLabel = "<url>",
            description = "Elasticsearch/OpenSearch server (URL or host). Without it, documents go to files.")
    String server;

    @Option(names = {AgentFlags.PORT_SHORT, AgentFlags.PORT}, paramLabel = "<port>", description = "Server port when --server has none.")
    Integer port;

    @Option(names = {AgentFlags.INSECURE_SKIP_VERIFY, AgentFlags.SSL_SKIP_VERIFY}, arity = "0..1", fallbackValue = "true",
            paramLabel = "<true|false>",
            description = "Do not verify the server's TLS certificate (insecure; --sslskipverify is the stockpile spelling).")
    boolean insecureSkipVerify;

    @Option(names = AgentFlags.CACERT, paramLabel = "<file>", description = "PEM CA bundle to trust for the server.")
    Path caCert;

    @Option(names = AgentFlags.USERNAME_FILE, paramLabel = "<file>", description = "File holding the basic-auth user name.")
    Path usernameFile;

    @Option(names = AgentFlags.PASSWORD_FILE, paramLabel = "<file>", description = "File holding the basic-auth password.")
    Path passwordFile;

    @Option(names = AgentFlags.INDEX_RETRIES, paramLabel = "<n>", defaultValue = "" + AgentFlags.DEFAULT_INDEX_RETRIES,
            description = "Retries per failed bulk request, on connection errors and 5xx; a 429 (server saturated) is "
                    + "retried until --timeout (default: ${DEFAULT-VALUE}).")
    int indexRetries;

    @Option(names = AgentFlags.TIMEOUT, paramLabel = "<duration>", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time limit for delivering to the server, retries included, and for each request to the "
                    + "server and the cluster, e.g. 30s, 2m, PT1M (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The longest --timeout taken: longer is a typo, and would overflow the HTTP client's millisecond timeouts. */
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    /** Value checks that need no network; the address itself is parsed by {@link SinkSelector}. */
    public void validate() {
        FlagValues.requirePort("-p/--port", port);
        if (indexRetries < 0) {
            throw BackpackException.usage(AgentFlags.INDEX_RETRIES + " must be 0 or more, got " + indexRetries);
        }
        if (timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw BackpackException.usage(AgentFlags.TIMEOUT + " must be at most 24h, got " + DurationConverter.format(timeout));
        }
    }

    /** Whether -s names an https:// server (the only kind TLS flags apply to). */
    boolean isHttps() {
        return hasServer() && server.strip().regionMatches(true, 0, "https://", 0, 8);
    }

    public String server() {
        return server;
    }

    public Integer port() {
        return port;
    }

    public boolean insecureSkipVerify() {
        return insecureSkipVerify;
    }

    public Path caCert() {
        return caCert;
    }

    public Path usernameFile() {
        return usernameFile;
    }

    public Path passwordFile() {
        return passwordFile;
    }

    public int indexRetries() {
        return indexRetries;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean hasServer() {
        return server != null && !server.isBlank();
    }
}
