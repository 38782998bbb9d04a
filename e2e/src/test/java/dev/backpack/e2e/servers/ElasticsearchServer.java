package dev.backpack.e2e.servers;

import java.util.List;

/** Elasticsearch 7.17 from {@code org.elasticsearch.distribution.integ-test-zip:elasticsearch}, security off. */
public final class ElasticsearchServer extends SearchServer {

    ElasticsearchServer() {
        super("elasticsearch", "backpack.elasticsearch.home");
    }

    @Override
    protected String javaHomeVariable() {
        return "ES_JAVA_HOME";
    }

    @Override
    protected String javaOptsVariable() {
        return "ES_JAVA_OPTS";
    }

    @Override
    protected String launcher() {
        return "bin/elasticsearch";
    }

    @Override
    protected List<String> extraSettings() {
        return List.of("-Expack.security.enabled=false");
    }
}
