package dev.backpack.agent.sink.search;

import dev.backpack.contract.IndexNames;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Creates {@code stockpile-results-raw} with a mapping that keeps the raw facts in the source but does
 * not index them: thousands of sysctl keys would otherwise exceed the 1000-field limit of dynamic
 * mapping and make the raw document fail. uuid and node_name are keywords for the de-duplication check.
 * If the index exists (another agent, or upstream) it is used as it is.
 */
final class RawIndex {
    private static final Logger LOG = LoggerFactory.getLogger(RawIndex.class);

    private volatile boolean ensured;

    /** @param client bounded by the delivery's deadline */
    void ensureExists(OpenSearchClient client) {
        if (ensured) {
            return;
        }
        try {
            if (!client.indices().exists(e -> e.index(IndexNames.RAW)).value()) {
                client.indices().create(c -> c.index(IndexNames.RAW).mappings(m -> m
                        .properties("uuid", p -> p.keyword(k -> k))
                        .properties("node_name", p -> p.keyword(k -> k))
                        .properties("pod_name", p -> p.keyword(k -> k))
                        .properties("backpack_version", p -> p.keyword(k -> k))
                        .properties("timestamp", p -> p.date(d -> d))
                        .properties("facts", p -> p.object(o -> o.enabled(false)))));
            }
            ensured = true;
        } catch (OpenSearchException e) {
            // Another agent created it between our check and our create: that is fine.
            if (e.error() != null && e.error().type() != null && e.error().type().contains("already_exists")) {
                ensured = true;
            } else {
                LOG.debug("cannot create {}: {}", IndexNames.RAW, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            // The bulk request that follows reports the real problem (unreachable, auth, ...).
            LOG.debug("cannot create {}: {}", IndexNames.RAW, e.getMessage());
        }
    }
}
