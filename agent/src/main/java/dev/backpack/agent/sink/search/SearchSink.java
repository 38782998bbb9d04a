package dev.backpack.agent.sink.search;

import dev.backpack.agent.retry.Backoff;
import dev.backpack.agent.retry.Deadline;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Indexes documents into OpenSearch 2.x or Elasticsearch 7.17 with plain bulk requests: op_type create
 * and {@code _id} = the document id, so a re-run, a {@code --force} or ten nodes reporting one cluster
 * fact never make a duplicate; a 409 "already exists" counts as {@code alreadyPresent}. Module documents
 * go to {@code <module>-metadata}, the raw result to {@code stockpile-results-raw}.
 * <p>
 * Connection errors, 429 and 5xx (whole request or single items) are retried with exponential backoff
 * within {@code --index-retries} and the {@code --timeout} deadline; everything else is reported per
 * document. Nothing is dropped silently.
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
        List<Pending> pending = new ArrayList<>(documents.size() + 1);
        for (MetadataDocument doc : documents) {
            pending.add(new Pending(doc.module(), doc.index(), doc.id(), OversizedLeaves.sendable(doc)));
        }
        if (raw != null) {
            pending.add(new Pending(null, IndexNames.RAW, raw.id(), raw));
        }
        Outcomes outcomes = new Outcomes(progress);
        documents.forEach(doc -> outcomes.module(doc.module()));
        OpenSearchClient client = client();
        for (int from = 0; from < pending.size(); from += config.bulkSize()) {
            List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + config.bulkSize()));
            deliverChunk(client, chunk, deadline, outcomes);
        }
        DeliveryReport report = outcomes.report(raw == null || outcomes.rawDelivered);
        logFailures(report, outcomes);
        return report;
    }

    /**
     * Sends one chunk, then again what is worth retrying (whole-request connection errors, 429 and 5xx,
     * or single items refused with 429/5xx) after a backoff, until it is all delivered, the retries are
     * used up or the deadline would pass. Every document ends delivered, already present or failed.
     */
    private void deliverChunk(OpenSearchClient client, List<Pending> chunk, Deadline deadline, Outcomes outcomes) {
        List<Pending> remaining = chunk;
        for (int attempt = 1; ; attempt++) {
            if (!deadline.allows(Duration.ZERO)) {
                fail(remaining, outcomes, "not sent: " + timeoutReached());
                return;
            }
            if (remaining.stream().anyMatch(p -> p.module == null)) {
                // Before the bulk, or the bulk would auto-create the raw index with a dynamic mapping.
                rawIndex.ensureExists(within(client, deadline));
                if (!deadline.allows(Duration.ZERO)) {
                    fail(remaining, outcomes, "not sent: " + timeoutReached());
                    return;
                }
            }
            String retryReason;
            try {
                List<BulkOperation> operations = remaining.stream().map(SearchSink::createOperation).toList();
                BulkResponse response = within(client, deadline).bulk(b -> b.operations(operations));
                remaining = collectItems(remaining, response.items(), outcomes);
                if (remaining.isEmpty()) {
                    return;
                }
                // Refused items usually share one cause (a full write queue): report the first one's.
                retryReason = outcomes.lastReason.get(remaining.get(0).id);
            } catch (IOException | OpenSearchException e) {
                log().debug("bulk of {} documents to {}, attempt {}", remaining.size(), config.address(), attempt, e);
                SearchFailure failure = classifier.classify(e);
                if (!failure.retriable()) {
                    fail(remaining, outcomes, failure.message());
                    return;
                }
                retryReason = failure.message();
            } catch (RuntimeException e) {
                log().debug("bulk of {} documents to {}, attempt {}", remaining.size(), config.address(), attempt, e);
                // e.g. a response that cannot be parsed: retrying would not change it.
                fail(remaining, outcomes, classifier.classify(e).message());
                return;
            }
            Duration delay = config.backoff().delayBefore(attempt);
            if (attempt > config.indexRetries()) {
                fail(remaining, outcomes, retryReason + " (gave up after " + config.indexRetries()
                        + " retries, --index-retries)");
                return;
            }
            if (!deadline.allows(delay)) {
                fail(remaining, outcomes, retryReason + " (" + timeoutReached() + ")");
                return;
            }
            log().warn("bulk of {} documents to {}, attempt {}: {}; will retry in {} ms", remaining.size(),
                    config.address(), attempt, retryReason, delay.toMillis());
            if (!pause(delay)) {
                fail(remaining, outcomes, "interrupted before it could be sent");
                Thread.currentThread().interrupt();
                return;
            }
        }
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

    private static void fail(List<Pending> documents, Outcomes outcomes, String reason) {
        documents.forEach(p -> outcomes.failed(p, reason));
    }

    private String timeoutReached() {
        return "--timeout of " + config.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                + " reached";
    }

    /** Records each item's outcome and returns the items worth sending again (429 / 5xx). */
    private List<Pending> collectItems(List<Pending> sent, List<BulkResponseItem> items, Outcomes outcomes) {
        List<Pending> again = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Pending p = sent.get(i);
            if (i >= items.size()) {
                outcomes.failed(p, "the server's bulk response has no item for this document");
                continue;
            }
            BulkResponseItem item = items.get(i);
            int status = item.status();
            if (status >= 200 && status < 300) {
                outcomes.delivered(p);
            } else if (status == CONFLICT) {
                outcomes.alreadyPresent(p);
            } else {
                String reason = item.error() != null
                        ? item.error().type() + ": " + item.error().reason() : "HTTP " + status;
                SearchFailure failure = classifier.fromStatus(status, reason);
                if (failure.retriable()) {
                    outcomes.lastReason.put(p.id, failure.message());
                    again.add(p);
                } else {
                    outcomes.failed(p, "HTTP " + status + " " + reason);
                }
            }
        }
        return again;
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static BulkOperation createOperation(Pending p) {
        return BulkOperation.of(op -> op.create(c -> c.index(p.index).id(p.id).document(p.source)));
    }

    private void logFailures(DeliveryReport report, Outcomes outcomes) {
        report.modules().forEach((module, delivery) -> {
            if (!delivery.ok()) {
                log().error("{}: {} of {} documents not indexed into {}; first reason: {}", module,
                        delivery.failed().size(), delivery.delivered() + delivery.alreadyPresent()
                                + delivery.failed().size(), config.address(), delivery.failed().get(0).reason());
            }
        });
        if (outcomes.rawFailure != null) {
            log().error("raw result not indexed into {}/{}: {}", config.address(), IndexNames.RAW, outcomes.rawFailure);
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

    /** One document on its way; {@code module} is null for the raw result. */
    private record Pending(String module, String index, String id, Object source) {
    }

    /** Outcome bookkeeping for one delivery. */
    private static final class Outcomes {
        private final Map<String, int[]> counts = new TreeMap<>();
        private final Map<String, List<DeliveryReport.FailedDocument>> failures = new TreeMap<>();
        private final Map<String, String> lastReason = new java.util.HashMap<>();
        private final DeliveryProgress progress;
        private boolean rawDelivered;
        private String rawFailure;

        Outcomes(DeliveryProgress progress) {
            this.progress = progress;
        }

        void module(String module) {
            counts.computeIfAbsent(module, m -> new int[2]);
            failures.computeIfAbsent(module, m -> new ArrayList<>());
        }

        void delivered(Pending p) {
            if (p.module == null) {
                rawDelivered = true;
            } else {
                progress.delivered(1);
                module(p.module);
                counts.get(p.module)[0]++;
            }
        }

        void alreadyPresent(Pending p) {
            if (p.module == null) {
                rawDelivered = true;
            } else {
                progress.alreadyPresent(1);
                module(p.module);
                counts.get(p.module)[1]++;
            }
        }

        void failed(Pending p, String reason) {
            if (p.module == null) {
                rawFailure = reason;
            } else {
                progress.failed(1);
                module(p.module);
                failures.get(p.module).add(new DeliveryReport.FailedDocument(p.id, reason));
            }
        }

        DeliveryReport report(boolean rawOk) {
            Map<String, DeliveryReport.ModuleDelivery> modules = new java.util.LinkedHashMap<>();
            counts.forEach((module, c) -> modules.put(module,
                    new DeliveryReport.ModuleDelivery(c[0], c[1], List.copyOf(failures.get(module)))));
            return new DeliveryReport(modules, rawOk);
        }
    }

    // Looked up when something is logged, not at class initialisation: a static logger would set up
    // logging (logback and SLF4J, about 85 classes) in every run, most of which log nothing.
    private static Logger log() {
        return LoggerFactory.getLogger(SearchSink.class);
    }
}
