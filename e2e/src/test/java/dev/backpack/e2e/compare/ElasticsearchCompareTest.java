package dev.backpack.e2e.compare;

import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.Servers;

/** {@link CompareScenarios} against a real Elasticsearch. */
class ElasticsearchCompareTest extends CompareScenarios {
    @Override
    protected SearchServer server() {
        return Servers.elasticsearch();
    }
}
