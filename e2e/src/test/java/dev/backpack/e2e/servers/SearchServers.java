package dev.backpack.e2e.servers;

import java.util.function.Supplier;

/**
 * Every search server version the build tests against, for {@code @EnumSource(SearchServers.class)}
 * matrix tests. Each is started on first use and shared by the whole test JVM ({@link Servers}).
 */
public enum SearchServers {
    OPENSEARCH_2("OpenSearch 2", Servers::openSearch),
    OPENSEARCH_3("OpenSearch 3", Servers::openSearch3),
    ELASTICSEARCH_7("Elasticsearch 7", Servers::elasticsearch),
    ELASTICSEARCH_8("Elasticsearch 8 (TLS, password)", Servers::elasticsearch8);

    private final String label;
    private final Supplier<SearchServer> server;

    SearchServers(String label, Supplier<? extends SearchServer> server) {
        this.label = label;
        this.server = server::get;
    }

    /** The running server (started now if it is the first use in this JVM). */
    public SearchServer server() {
        return server.get();
    }

    @Override
    public String toString() {
        return label;
    }
}
