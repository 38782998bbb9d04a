package dev.backpack.agent.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.backpack.agent.run.ModuleOutcome;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DeliveryReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run did, as one line of JSON: written to the termination log for the operator (which puts
 * it in the Benchmark status), served by {@code /readyz} and {@code POST /collect} in serve mode.
 *
 * @param status         {@code ok}, {@code failed}, or {@code skipped} (another run already collected)
 * @param modules        modules collected on this node
 * @param indexed        documents newly indexed
 * @param alreadyPresent documents the index already held (re-runs, cluster facts from other nodes)
 * @param skipped        modules cleanly skipped on this node (not applicable here, e.g. no GPU)
 * @param failed         documents that could not be indexed
 * @param errors         the first few error messages (failed modules, delivery), short, never credentials
 * @param note           why the run was skipped or forced, from the de-duplication, if anything
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "uuid", "node", "target", "modules", "indexed", "alreadyPresent", "skipped", "failed",
        "errors", "note", "durationMs"})
public record TerminationSummary(
        @JsonProperty("status") String status,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("node") String node,
        @JsonProperty("target") String target,
        @JsonProperty("modules") int modules,
        @JsonProperty("indexed") int indexed,
        @JsonProperty("alreadyPresent") int alreadyPresent,
        @JsonProperty("skipped") int skipped,
        @JsonProperty("failed") int failed,
        @JsonProperty("errors") List<String> errors,
        @JsonProperty("note") String note,
        @JsonProperty("durationMs") long durationMs) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    /** Kubernetes keeps at most 4096 bytes of a termination message; stay well inside. */
    static final int MAX_ERRORS = 5;
    static final int MAX_ERROR_LENGTH = 300;

    public TerminationSummary {
        errors = shorten(errors == null ? List.of() : errors);
    }

    /** Summarises a finished run; {@code note} says why it was forced or re-collected, if anything. */
    public static TerminationSummary of(RunSummary run, String note) {
        int modules = 0;
        int skipped = 0;
        List<String> errors = new ArrayList<>();
        for (ModuleOutcome outcome : run.modules()) {
            switch (outcome.status()) {
                case OK -> modules++;
                case SKIPPED -> skipped++;
                case ERROR -> errors.add(outcome.module().moduleName() + ": " + outcome.reason());
            }
        }
        int indexed = 0;
        int present = 0;
        int failed;
        DeliveryReport report = run.delivery();
        if (run.deliveryError() != null || report == null) {
            errors.add("delivery to " + run.target() + " failed: " + run.deliveryError());
            failed = run.documents();
        } else {
            for (Map.Entry<String, DeliveryReport.ModuleDelivery> entry : report.modules().entrySet()) {
                DeliveryReport.ModuleDelivery module = entry.getValue();
                indexed += module.delivered();
                present += module.alreadyPresent();
                if (!module.ok()) {
                    errors.add(entry.getKey() + ": " + module.failed().size() + " documents not indexed: "
                            + module.failed().get(0).reason());
                }
            }
            if (!report.rawDelivered()) {
                errors.add("raw result not delivered");
            }
            failed = report.failedCount();
        }
        return new TerminationSummary(run.ok() ? OK : FAILED, run.uuid(), run.nodeName(), run.target(), modules,
                indexed, present, skipped, failed, errors, note, run.duration().toMillis());
    }

    /** A run that did not collect because this (uuid, node) was already collected. */
    public static TerminationSummary skipped(String uuid, String node, String target, String reason, Duration duration) {
        return new TerminationSummary(SKIPPED, uuid, node, target, 0, 0, 0, 0, 0, List.of(), reason, duration.toMillis());
    }

    /** A run that failed before anything could be delivered. */
    public static TerminationSummary failedBeforeDelivery(String uuid, String node, String target, String error,
                                                  Duration duration) {
        return new TerminationSummary(FAILED, uuid, node, target, 0, 0, 0, 0, 0, List.of(error), null, duration.toMillis());
    }

    public boolean ok() {
        return !FAILED.equals(status);
    }

    /**
     * The targeted-mode contract: 0 after success (or a de-duplicated skip), 1 after a failure unless
     * {@code --optional} says the benchmark must not wait on metadata.
     */
    public int exitCode(boolean optional) {
        return ok() || optional ? 0 : 1;
    }

    private static List<String> shorten(List<String> errors) {
        List<String> kept = new ArrayList<>();
        for (String error : errors) {
            if (kept.size() == MAX_ERRORS) {
                kept.add("... and " + (errors.size() - MAX_ERRORS) + " more");
                break;
            }
            String oneLine = error == null ? "" : error.replace('\n', ' ').replace('\r', ' ');
            kept.add(oneLine.length() > MAX_ERROR_LENGTH ? oneLine.substring(0, MAX_ERROR_LENGTH - 3) + "..." : oneLine);
        }
        return List.copyOf(kept);
    }
}
