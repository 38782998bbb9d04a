package dev.backpack.agent.sink.search;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultAuthenticationStrategy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.reactor.ssl.TlsDetails;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.internal.Node;
import org.opensearch.client.transport.httpclient5.internal.NodeSelector;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.List;

/**
 * Builds the opensearch-java client over httpclient5 for a {@link SearchSinkConfig}. The HTTP client is
 * assembled here rather than by {@code ApacheHttpClient5TransportBuilder}, which always initialises the
 * JVM's default TLS context (trust store parsing included) even for plain http: that is a good part of
 * the agent's start-up, and the de-duplicated path should cost little more than a JVM start.
 */
final class SearchClientFactory {
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private SearchClientFactory() {
    }

    /** @param sslContext for https:// addresses, from {@link TlsContextFactory}; null for http:// */
    static OpenSearchClient create(SearchSinkConfig config, SSLContext sslContext) {
        ServerAddress address = config.address();
        // HttpHost wants an IPv6 literal without brackets.
        String hostname = address.host().startsWith("[")
                ? address.host().substring(1, address.host().length() - 1) : address.host();
        HttpHost host = new HttpHost(address.scheme(), hostname, address.port());
        Duration connectTimeout = min(MAX_CONNECT_TIMEOUT, config.timeout());

        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(config.connections())
                .setMaxConnTotal(config.connections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(config.timeout()))
                        .build())
                .setTlsStrategy(address.isHttps() ? tls(config, sslContext) : PLAIN_HTTP_ONLY);
        HttpAsyncClientBuilder http = HttpAsyncClientBuilder.create()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.timeout()))
                        // Waiting for a pooled connection is not the server failing: a sink shared by
                        // more runs than it has connections (the fleet simulator's 32 threads had 4) failed
                        // deliveries after 5 s in the queue, released their claims, and other agents
                        // collected the node again. The delivery deadline (SearchSink) still bounds it.
                        .setConnectionRequestTimeout(Timeout.of(config.timeout()))
                        .build())
                .setTargetAuthenticationStrategy(DefaultAuthenticationStrategy.INSTANCE)
                // Retries are ours (SearchSink), with backoff and a deadline.
                .disableAutomaticRetries();
        config.credentials().ifPresent(credentials -> {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(credentials.username(),
                    credentials.password().toCharArray()));
            http.setDefaultCredentialsProvider(provider);
        });
        CloseableHttpAsyncClient client = http.build();
        client.start();

        // No module scan: documents hold plain maps, lists, strings and numbers, and start-up time counts.
        JacksonJsonpMapper mapper = new JacksonJsonpMapper(JsonMapper.builder().build());
        String pathPrefix = address.pathPrefix().isEmpty() ? null : address.pathPrefix();
        ApacheHttpClient5Transport transport = new ApacheHttpClient5Transport(client, new Header[0],
                List.of(new Node(host)), mapper, null, pathPrefix, new ApacheHttpClient5Transport.FailureListener(),
                NodeSelector.ANY, false, false, false);
        return new OpenSearchClient(transport);
    }

    private static TlsStrategy tls(SearchSinkConfig config, SSLContext sslContext) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create()
                .setSslContext(sslContext)
                // As opensearch-java does: report the negotiated protocol (HTTPCLIENT-2219).
                .setTlsDetailsFactory(engine -> new TlsDetails(engine.getSession(), engine.getApplicationProtocol()));
        if (config.tls().insecureSkipVerify()) {
            tls.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        return tls.build();
    }

    /** For http:// servers: the connection manager must not build a default TLS context it will never use. */
    private static final TlsStrategy PLAIN_HTTP_ONLY = (layer, host, local, remote, attachment, timeout) -> {
        throw new IllegalStateException("TLS requested for " + host + ", but the server address is http://");
    };

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
