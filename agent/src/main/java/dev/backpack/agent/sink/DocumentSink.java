package dev.backpack.agent.sink;

import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;

import java.util.List;
import java.util.Optional;

/**
 * Where a run's documents go: local NDJSON files (no server given) or an OpenSearch/Elasticsearch
 * cluster. One sink per delivery target; the CLI picks one.
 */
public interface DocumentSink extends AutoCloseable {

    /**
     * Delivers every document and the raw result. Never drops silently: documents that could not be
     * delivered are listed in the report.
     */
    DeliveryReport deliver(List<MetadataDocument> documents, RawResultDocument raw);

    /** Documents delivered so far, counted as they are confirmed; empty for a sink that cannot tell. */
    default Optional<DeliveryProgress> progress() {
        return Optional.empty();
    }

    /** A short description for logs and summaries, e.g. {@code files:/out/uuid} or {@code https://es:9200}; never credentials. */
    String describe();

    @Override
    default void close() {
    }
}
