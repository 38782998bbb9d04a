package dev.backpack.agent.cli.output;

import dev.backpack.agent.run.ModuleOutcome;
import dev.backpack.agent.run.ModuleStatus;
import dev.backpack.agent.run.RunListener;
import dev.backpack.agent.sink.DeliveryProgress;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.summary.TerminationLog;
import dev.backpack.agent.summary.TerminationSummary;
import dev.backpack.contract.MetadataModule;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * What a run that is stopped half-way (SIGTERM from Kubernetes, Ctrl-C) leaves behind: one line on
 * stderr saying how far it got, and the termination log with the reason, written from a shutdown
 * hook armed only while the run is under way. Tracks the run's phase as its {@link RunListener}.
 * The exit code stays the JVM's (143 after SIGTERM).
 */
public final class Interruption implements RunListener {
    private final RunListener delegate;
    private final DocumentSink sink;
    private final String uuid;
    private final String node;
    private final PrintWriter err;
    private final TerminationLog log;
    private final long start = System.nanoTime();
    private final Thread hook = new Thread(this::report, "backpack-interrupted");

    private volatile String collecting;
    private volatile int modulesOk;
    private volatile int modulesSkipped;
    private volatile int documents = -1;
    private volatile DeliveryProgress.Counts before;

    public Interruption(RunListener delegate, DocumentSink sink, String uuid, String node, PrintWriter err, TerminationLog log) {
        this.delegate = delegate;
        this.sink = sink;
        this.uuid = uuid;
        this.node = node;
        this.err = err;
        this.log = log;
    }

    public void arm() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run ended on its own: nothing to report from the hook. */
    public void disarm() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and reports.
        }
    }

    @Override
    public void moduleStarted(MetadataModule module, int index, int total) {
        collecting = module.moduleName() + " (" + (index + 1) + "/" + total + ")";
        delegate.moduleStarted(module, index, total);
    }

    @Override
    public void moduleFinished(ModuleOutcome outcome, int index, int total) {
        if (outcome.status() == ModuleStatus.OK) {
            modulesOk++;
        } else if (outcome.status() == ModuleStatus.SKIPPED) {
            modulesSkipped++;
        }
        delegate.moduleFinished(outcome, index, total);
    }

    @Override
    public void deliveryStarted(String target, int count) {
        before = sink.progress().map(DeliveryProgress::snapshot).orElse(null);
        documents = count;
        delegate.deliveryStarted(target, count);
    }

    /** The shutdown hook's work; also what tests call. */
    void report() {
        DeliveryProgress.Counts done = delivered();
        String message = message(done);
        err.println("backpack: " + message);
        err.flush();
        if (log != null) {
            int indexed = done == null ? 0 : done.delivered();
            int present = done == null ? 0 : done.alreadyPresent();
            int failed = Math.max(0, documents) - indexed - present;
            log.write(new TerminationSummary(TerminationSummary.FAILED, uuid, node, sink.describe(), modulesOk, indexed,
                    present, modulesSkipped, failed, List.of(message), null,
                    Duration.ofNanos(System.nanoTime() - start).toMillis()));
        }
    }

    String message(DeliveryProgress.Counts done) {
        if (documents < 0) {
            return "terminated while collecting" + (collecting == null ? "" : " " + collecting)
                    + "; nothing was delivered to " + sink.describe();
        }
        if (done == null) {
            return "terminated while delivering " + documents + " documents to " + sink.describe()
                    + "; how many arrived is unknown";
        }
        int confirmed = done.delivered() + done.alreadyPresent();
        return "terminated while delivering to " + sink.describe() + ": " + confirmed + " of " + documents
                + " documents delivered (" + done.delivered() + " new, " + done.alreadyPresent() + " already present), "
                + done.failed() + " failed, " + Math.max(0, documents - confirmed - done.failed()) + " not sent";
    }

    private DeliveryProgress.Counts delivered() {
        DeliveryProgress.Counts start = before;
        return start == null ? null : sink.progress().map(p -> p.snapshot().minus(start)).orElse(null);
    }
}
