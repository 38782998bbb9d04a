package dev.backpack.e2e.servers;

/** OpenSearch from {@code org.opensearch.distribution.integ-test-zip:opensearch} (no security plugin). */
public final class OpenSearchServer extends SearchServer {

    /**
     * @param homeProperty system property naming the unpacked zip
     * @param minimumJava  17 for 2.x, 21 for 3.x
     */
    OpenSearchServer(String name, String homeProperty, int minimumJava) {
        super(name, homeProperty, minimumJava);
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
