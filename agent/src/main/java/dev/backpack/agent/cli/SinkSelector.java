package dev.backpack.agent.cli;

import dev.backpack.agent.cli.options.RedisOptions;
import dev.backpack.agent.cli.options.ServerOptions;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.sink.files.FileSink;
import dev.backpack.agent.sink.search.BasicCredentials;
import dev.backpack.agent.sink.search.CredentialsResolver;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that decides where documents go. No server: local files (the embedded default).
 * A server: OpenSearch/Elasticsearch through {@link SearchSink}. Bad server settings (address,
 * credential files, CA file) are usage errors naming the flag, before anything is collected.
 */
public class SinkSelector {
    private final Map<String, String> environment;

    /** @param environment where {@code BACKPACK_ES_USERNAME}/{@code BACKPACK_ES_PASSWORD} are looked up */
    public SinkSelector(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public SinkSelector() {
        this(Map.of());
    }

    public DocumentSink select(ServerOptions server, RedisOptions redis, Path outputDirectory) {
        if (!server.hasServer()) {
            return new FileSink(outputDirectory);
        }
        return selectServer(server, redis);
    }

    protected DocumentSink selectServer(ServerOptions server, RedisOptions redis) {
        SearchSinkConfig config = serverConfig(server);
        try {
            return new SearchSink(config);
        } catch (IllegalArgumentException e) {
            throw BackpackException.usage(e.getMessage());
        }
    }

    /** The server, credentials and TLS trust of the -s flags, checked (exit 2 naming the flag). */
    public SearchSinkConfig serverConfig(ServerOptions server) {
        try {
            ServerAddress address = ServerAddress.parse(server.server(), server.port());
            Optional<BasicCredentials> credentials = new CredentialsResolver(environment)
                    .resolve(address, server.usernameFile(), server.passwordFile());
            TlsSettings tls = new TlsSettings(server.caCert(), server.insecureSkipVerify());
            return SearchSinkConfig.of(address, credentials, tls, server.indexRetries(), server.timeout());
        } catch (IllegalArgumentException e) {
            throw BackpackException.usage(e.getMessage());
        }
    }
}
