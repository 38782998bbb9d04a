package dev.backpack.agent.sink.search;

import dev.backpack.agent.retry.Deadline;
import dev.backpack.agent.retry.Pause;
import dev.backpack.agent.sink.DeliveryProgress;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Indexes documents into OpenSearch 2.x or Elasticsearch 7.17 with plain bulk requests: op_type create
 * and {@code _id} = the document id, so a re-run, a {@code --force} or ten nodes reporting one cluster
 * fact never make a duplicate; a 409 "already exists" counts as {@code alreadyPresent}. Module documents
 * go to {@code <module>-metadata}, the raw result to {@code stockpile-results-raw}.
 * <p>
 * Connection errors, 429 and 5xx (whole request or single items) are retried with exponential backoff:
 * a saturated server (429, {@code es_rejected_execution}) until the {@code --timeout} deadline, anything
 * else within {@code --index-retries} and that deadline (see {@link RetryBudget}); everything else is
 * reported per document. Nothing is dropped silently.
 */
public final class SearchSink implements DocumentSink {
    private static final int CONFLICT = 409;

    private final SearchSinkConfig config;
    private final FailureClassifier classifier;
    private final SSLContext sslContext;
    private final IndexProbe probe;
    private final DeliveryProgress progress = new DeliveryProgress();
    private OpenSearchClient client;
    private RawIndex rawIndex;

    /**
     * Checks the settings (a bad {@code --cacert} fails here, before anything is collected); the
     * client itself starts with the first delivery, so a run that ends up de-duplicated never pays for it.
     */
    public SearchSink(SearchSinkConfig config) {
        this.config = config;
        this.classifier = new FailureClassifier(config.address(), new SecretRedactor(config.credentials()));
        this.sslContext = config.address().isHttps() ? TlsContextFactory.create(config.tls(), config.address()) : null;
        this.probe = new IndexProbe(config, sslContext, classifier);
    }

    private synchronized OpenSearchClient client() {
        if (client == null) {
            client = SearchClientFactory.create(config, sslContext);
            IndexTemplates.installOnce(client, config, classifier);
            rawIndex = new RawIndex();
        }
        return client;
    }

    @Override
    public DeliveryReport deliver(List<MetadataDocument> documents, RawResultDocument raw) {
        Deadline deadline = Deadline.after(config.timeout());
        List<PendingDocument> pending = PendingDocument.of(documents, raw);
        DeliveryOutcomes outcomes = new DeliveryOutcomes(progress, documents);
        OpenSearchClient client = client();
        for (int from = 0; from < pending.size(); from += config.bulkSize()) {
            deliverChunk(client, pending.subList(from, Math.min(pending.size(), from + config.bulkSize())), deadline,
                    outcomes);
        }
        DeliveryReport report = outcomes.report(raw != null);
        logFailures(report, outcomes);
        return report;
    }

    /**
     * Sends one chunk, then again what is worth retrying (whole-request connection errors, 429 and 5xx,
     * or single items refused with 429/5xx) after a backoff, until it is all delivered, the retries are
     * used up or the deadline would pass. Every document ends delivered, already present or failed.
     */
    private void deliverChunk(OpenSearchClient client, List<PendingDocument> chunk, Deadline deadline,
                              DeliveryOutcomes outcomes) {
        List<PendingDocument> remaining = chunk;
        RetryBudget budget = new RetryBudget(config.indexRetries());
        for (int attempt = 1; ; attempt++) {
            if (!readyToSend(client, remaining, deadline)) {
                outcomes.failedAll(remaining, "not sent: " + timeoutReached());
                return;
            }
            BulkAttempt result = send(client, remaining, attempt, deadline, outcomes);
            if (result.done() || !waitBeforeRetry(result, attempt, budget, deadline, outcomes)) {
                return;
            }
            remaining = result.retry();
        }
    }

    /** Whether there is time left to send, once the raw index exists if the chunk holds the raw result. */
    private boolean readyToSend(OpenSearchClient client, List<PendingDocument> chunk, Deadline deadline) {
        if (!deadline.allows(Duration.ZERO)) {
            return false;
        }
        if (chunk.stream().anyMatch(PendingDocument.Raw.class::isInstance)) {
            // Before the bulk, or the bulk would auto-create the raw index with a dynamic mapping.
            rawIndex.ensureExists(within(client, deadline));
        }
        return deadline.allows(Duration.ZERO);
    }

    /** One bulk request: records every outcome it settles and returns what is worth another try. */
    private BulkAttempt send(OpenSearchClient client, List<PendingDocument> chunk, int attempt, Deadline deadline,
                             DeliveryOutcomes outcomes) {
        try {
            List<BulkOperation> operations = chunk.stream().map(PendingDocument::createOperation).toList();
            BulkResponse response = within(client, deadline).bulk(b -> b.operations(operations));
            return collectItems(chunk, response.items(), outcomes);
        } catch (IOException | OpenSearchException e) {
            log().debug("bulk of {} documents to {}, attempt {}", chunk.size(), config.address(), attempt, e);
            SearchFailure failure = classifier.classify(e);
            if (failure.retriable()) {
                return new BulkAttempt(chunk, failure);
            }
            outcomes.failedAll(chunk, failure.message());
        } catch (RuntimeException e) {
            log().debug("bulk of {} documents to {}, attempt {}", chunk.size(), config.address(), attempt, e);
            // e.g. a response that cannot be parsed: retrying would not change it.
            outcomes.failedAll(chunk, classifier.classify(e).message());
        }
        return BulkAttempt.DONE;
    }

    /**
     * Waits the backoff before retry {@code attempt} if the retry budget (throttling: until the deadline;
     * anything else: {@code --index-retries}) and the deadline allow it; if not, the documents left fail
     * with the reason and which limit stopped them.
     */
    private boolean waitBeforeRetry(BulkAttempt result, int attempt, RetryBudget budget, Deadline deadline,
                                    DeliveryOutcomes outcomes) {
        String reason = result.reason().message();
        Duration delay = config.backoff().delayBefore(attempt);
        if (!budget.allowsRetry(result.reason())) {
            outcomes.failedAll(result.retry(), reason + " (gave up after " + config.indexRetries()
                    + " retries, --index-retries)");
            return false;
        }
        if (!deadline.allows(delay)) {
            outcomes.failedAll(result.retry(), reason + " (" + timeoutReached() + ")");
            return false;
        }
        log().warn("bulk of {} documents to {}, attempt {}: {}; will retry in {} ms", result.retry().size(),
                config.address(), attempt, reason, delay.toMillis());
        if (!Pause.sleep(delay)) {
            outcomes.failedAll(result.retry(), "interrupted before it could be sent");
            return false;
        }
        return true;
    }

    /**
     * The client with this request's response timeout cut to what is left of the delivery's deadline: the
     * client-wide timeout is the whole {@code --timeout}, and a server that accepts and never answers would
     * otherwise hold each request (the raw index check, then the bulk) that long.
     */
    private static OpenSearchClient within(OpenSearchClient client, Deadline deadline) {
        Timeout left = Timeout.ofMilliseconds(Math.max(1, deadline.remaining().toMillis()));
        return client.withTransportOptions(ApacheHttpClient5Options.DEFAULT.toBuilder()
                .setRequestConfig(RequestConfig.custom().setResponseTimeout(left).setConnectionRequestTimeout(left)
                        .build())
                .build());
    }

    private String timeoutReached() {
        return "--timeout of " + config.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + " reached";
    }

    /**
     * Records each item's outcome and returns the items worth sending again (429 / 5xx), with the first
     * one's reason: refused items usually share one cause (a full write queue).
     */
    private BulkAttempt collectItems(List<PendingDocument> sent, List<BulkResponseItem> items,
                                     DeliveryOutcomes outcomes) {
        List<PendingDocument> again = new ArrayList<>();
        SearchFailure firstRefusal = null;
        for (int i = 0; i < sent.size(); i++) {
            PendingDocument doc = sent.get(i);
            if (i >= items.size()) {
                outcomes.failed(doc, "the server's bulk response has no item for this document");
                continue;
            }
            BulkResponseItem item = items.get(i);
            int status = item.status();
            if (status >= 200 && status < 300) {
                outcomes.delivered(doc);
            } else if (status == CONFLICT) {
                outcomes.alreadyPresent(doc);
            } else {
                String reason = item.error() != null
                        ? item.error().type() + ": " + item.error().reason() : "HTTP " + status;
                SearchFailure failure = classifier.fromStatus(status, reason);
                if (failure.retriable()) {
                    firstRefusal = firstRefusal == null ? failure : firstRefusal;
                    again.add(doc);
                } else {
                    outcomes.failed(doc, "HTTP " + status + " " + reason);
                }
            }
        }
        return again.isEmpty() ? BulkAttempt.DONE : new BulkAttempt(again, firstRefusal);
    }

    private void logFailures(DeliveryReport report, DeliveryOutcomes outcomes) {
        report.modules().forEach((module, delivery) -> {
            if (!delivery.ok()) {
                log().error("{}: {} of {} documents not indexed into {}; first reason: {}", module,
                        delivery.failed().size(), delivery.delivered() + delivery.alreadyPresent()
                                + delivery.failed().size(), config.address(), delivery.failed().get(0).reason());
            }
        });
        if (outcomes.rawFailure() != null) {
            log().error("raw result not indexed into {}/{}: {}", config.address(), IndexNames.RAW, outcomes.rawFailure());
        }
    }

    /**
     * Whether the index holds this node's raw result for {@code uuid}: the de-duplication check for a
     * Redis key that says "Metadata-Exists" (see {@link IndexProbe}).
     */
    public boolean hasDocuments(String uuid, String nodeName) {
        return probe.hasDocuments(uuid, nodeName);
    }

    @Override
    public String describe() {
        return config.address().uri();
    }

    @Override
    public Optional<DeliveryProgress> progress() {
        return Optional.of(progress);
    }

    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            client._transport().close();
        } catch (IOException e) {
            log().debug("closing the client for {}: {}", config.address(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SearchSink[" + describe() + "]";
    }

    // Looked up when something is logged, not at class initialisation: a static logger would set up
    // logging (logback and SLF4J, about 85 classes) in every run, most of which log nothing.
    private static Logger log() {
        return LoggerFactory.getLogger(SearchSink.class);
    }
}
