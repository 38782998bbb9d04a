package dev.backpack.e2e.delivery;

import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.Servers;

/** {@link SearchSinkScenarios} against a real Elasticsearch 8.x with TLS and a password, over https. */
class Elasticsearch8SinkTest extends SearchSinkScenarios {
    @Override
    protected SearchServer server() {
        return Servers.elasticsearch8();
    }
}
