package dev.backpack.e2e.compare;

import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.Servers;

/** {@link CompareScenarios} against a real OpenSearch. */
class OpenSearchCompareTest extends CompareScenarios {
    @Override
    protected SearchServer server() {
        return Servers.openSearch();
    }
}
