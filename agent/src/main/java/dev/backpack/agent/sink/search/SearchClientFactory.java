package dev.backpack.agent.sink.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import javax.net.ssl.SSLContext;
import java.time.Duration;

/** Builds the opensearch-java client over httpclient5 for a {@link SearchSinkConfig}. */
final class SearchClientFactory {
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private SearchClientFactory() {
    }

    static OpenSearchClient create(SearchSinkConfig config) {
        ServerAddress address = config.address();
        // HttpHost wants an IPv6 literal without brackets.
        String hostname = address.host().startsWith("[")
                ? address.host().substring(1, address.host().length() - 1) : address.host();
        HttpHost host = new HttpHost(address.scheme(), hostname, address.port());
        SSLContext sslContext = address.isHttps() ? TlsContextFactory.create(config.tls(), address) : null;
        Duration connectTimeout = min(MAX_CONNECT_TIMEOUT, config.timeout());

        // No module scan: documents hold plain maps, lists, strings and numbers, and start-up time counts.
        ObjectMapper objectMapper = JsonMapper.builder().build();
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper(objectMapper))
                .setRequestConfigCallback(request -> request
                        .setResponseTimeout(Timeout.of(config.timeout()))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout)))
                .setHttpClientConfigCallback(http -> {
                    PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder
                            .create()
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.of(connectTimeout))
                                    .setSocketTimeout(Timeout.of(config.timeout()))
                                    .build());
                    if (sslContext != null) {
                        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(sslContext);
                        if (config.tls().insecureSkipVerify()) {
                            tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                        }
                        connections.setTlsStrategy(tls.build());
                    }
                    http.setConnectionManager(connections.build());
                    config.credentials().ifPresent(credentials -> {
                        BasicCredentialsProvider provider = new BasicCredentialsProvider();
                        provider.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(
                                credentials.username(), credentials.password().toCharArray()));
                        http.setDefaultCredentialsProvider(provider);
                    });
                    return http;
                });
        if (!address.pathPrefix().isEmpty()) {
            builder.setPathPrefix(address.pathPrefix());
        }
        return new OpenSearchClient(builder.build());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
