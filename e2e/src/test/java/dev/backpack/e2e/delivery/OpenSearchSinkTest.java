package dev.backpack.e2e.delivery;

import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.Servers;

/** {@link SearchSinkScenarios} against a real OpenSearch 2.x. */
class OpenSearchSinkTest extends SearchSinkScenarios {
    @Override
    protected SearchServer server() {
        return Servers.openSearch();
    }
}
