package dev.backpack.agent.run;

import dev.backpack.agent.AgentVersion;
import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.CollectorFactory;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.k8s.ClusterSession;
import dev.backpack.agent.document.DocumentFactory;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library entry point: collects the selected modules on one node and hands the documents to a
 * sink. Holds no per-run state, so one runner can serve concurrent runs (a DaemonSet's re-collections,
 * a fleet benchmark's simulated nodes); each run builds its own collectors and cluster session.
 *
 * <p>Modules run one after another and each failure is contained: the module gets an error outcome
 * and an error record in the raw result, and the remaining modules still run.
 */
public final class CollectionRunner {
    private final CollectorFactory collectors;
    private final Clock clock;
    private final String version;

    public CollectionRunner() {
        this(new CollectorCatalog(), Clock.systemUTC(), AgentVersion.current());
    }

    public CollectionRunner(CollectorFactory collectors, Clock clock, String version) {
        this.collectors = collectors;
        this.clock = clock;
        this.version = version;
    }

    public RunSummary run(RunSettings settings, DocumentSink sink) {
        return run(settings, sink, RunListener.NONE);
    }

    public RunSummary run(RunSettings settings, DocumentSink sink, RunListener listener) {
        long runStart = System.nanoTime();
        Instant now = clock.instant();
        DocumentFactory factory = new DocumentFactory(settings.uuid(), settings.nodeName(), settings.podName(),
                now.toString(), version);
        List<MetadataModule> modules = settings.selection().modules();
        List<ModuleOutcome> outcomes = new ArrayList<>();
        List<MetadataDocument> documents = new ArrayList<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        try (ClusterSession cluster = new ClusterSession(settings.kubernetes())) {
            CollectorCatalog.Context context = new CollectorCatalog.Context(new HostPaths(settings.hostRoot()), cluster,
                    settings.commands(), settings.machine());
            for (int i = 0; i < modules.size(); i++) {
                MetadataModule module = modules.get(i);
                listener.moduleStarted(module, i, modules.size());
                ModuleOutcome outcome = collect(module, context, factory, documents, raw);
                outcomes.add(outcome);
                listener.moduleFinished(outcome, i, modules.size());
            }
        }
        RawResultDocument rawDocument = factory.raw(raw);
        listener.deliveryStarted(sink.describe(), documents.size());
        DeliveryReport report = null;
        String deliveryError = null;
        try {
            report = sink.deliver(documents, rawDocument);
        } catch (RuntimeException e) {
            log().debug("delivery to {} failed", sink.describe(), e);
            deliveryError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new RunSummary(settings.uuid(), settings.nodeName(), sink.describe(), outcomes, documents.size(), report,
                deliveryError, Duration.ofNanos(System.nanoTime() - runStart));
    }

    private ModuleOutcome collect(MetadataModule module, CollectorCatalog.Context context, DocumentFactory factory,
                                  List<MetadataDocument> documents, Map<String, Object> raw) {
        long start = System.nanoTime();
        try {
            Collector collector = collectors.create(module, context);
            ModuleFacts facts = collector.collect();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (facts.isSkipped()) {
                raw.put(module.moduleName(), Map.of("skipped", facts.skipReason()));
                return new ModuleOutcome(module, ModuleStatus.SKIPPED, 0, took, facts.skipReason(), List.of());
            }
            List<MetadataDocument> docs = factory.documents(module, facts.facts());
            documents.addAll(docs);
            Map<String, Object> moduleRaw = new LinkedHashMap<>();
            moduleRaw.put("values", facts.facts().stream().map(f -> f.value()).toList());
            if (!facts.notes().isEmpty()) {
                moduleRaw.put("notes", facts.notes());
            }
            raw.put(module.moduleName(), moduleRaw);
            return new ModuleOutcome(module, ModuleStatus.OK, docs.size(), took, null, facts.notes());
        } catch (Exception | LinkageError e) {
            // Contained: one module's failure must not cost the others (StackOverflow/OOM still propagate).
            log().debug("module {} failed", module.moduleName(), e);
            String reason = describe(e);
            raw.put(module.moduleName(), Map.of("error", reason));
            return new ModuleOutcome(module, ModuleStatus.ERROR, 0, Duration.ofNanos(System.nanoTime() - start),
                    reason, List.of());
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    // Looked up when something is logged, not at class initialisation: a static logger would set up
    // logging (logback and SLF4J, about 85 classes) in every run, most of which log nothing.
    private static Logger log() {
        return LoggerFactory.getLogger(CollectionRunner.class);
    }
}
