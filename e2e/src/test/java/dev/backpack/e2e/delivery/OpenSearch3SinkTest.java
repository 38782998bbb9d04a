package dev.backpack.e2e.delivery;

import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.Servers;

/** {@link SearchSinkScenarios} against a real OpenSearch 3.x (on a JDK 21+ found on the machine). */
class OpenSearch3SinkTest extends SearchSinkScenarios {
    @Override
    protected SearchServer server() {
        return Servers.openSearch3();
    }
}
