package dev.backpack.e2e.servers;

/** OpenSearch 2.x from {@code org.opensearch.distribution.integ-test-zip:opensearch} (no security plugin). */
public final class OpenSearchServer extends SearchServer {

    OpenSearchServer() {
        super("opensearch", "backpack.opensearch.home");
    }

    @Override
    protected String javaHomeVariable() {
        return "OPENSEARCH_JAVA_HOME";
    }

    @Override
    protected String javaOptsVariable() {
        return "OPENSEARCH_JAVA_OPTS";
    }

    @Override
    protected String launcher() {
        return "bin/opensearch";
    }
}
