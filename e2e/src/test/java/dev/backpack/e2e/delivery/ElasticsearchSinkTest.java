package dev.backpack.e2e.delivery;

import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.Servers;

/** {@link SearchSinkScenarios} against a real Elasticsearch 7.17. */
class ElasticsearchSinkTest extends SearchSinkScenarios {
    @Override
    protected SearchServer server() {
        return Servers.elasticsearch();
    }
}
