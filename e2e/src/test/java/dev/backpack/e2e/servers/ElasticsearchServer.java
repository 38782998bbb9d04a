package dev.backpack.e2e.servers;

import java.util.List;

/** Elasticsearch 7.17 from {@code org.elasticsearch.distribution.integ-test-zip:elasticsearch}, security off. */
public class ElasticsearchServer extends SearchServer {

    ElasticsearchServer() {
        this("elasticsearch", "backpack.elasticsearch.home", 11);
    }

    protected ElasticsearchServer(String name, String homeProperty, int minimumJava) {
        super(name, homeProperty, minimumJava);
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
