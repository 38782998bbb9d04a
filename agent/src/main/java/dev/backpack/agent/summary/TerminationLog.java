package dev.backpack.agent.summary;

import dev.backpack.contract.AgentFlags;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the one-line JSON {@link TerminationSummary} to {@code --termination-log} (default
 * {@code /dev/termination-log}), where Kubernetes picks it up as the container's termination message.
 * Outside a pod there is nowhere to write: a missing directory, or the default path not provided by
 * the kubelet, is skipped quietly. Writing never fails the run.
 */
public final class TerminationLog {
    private final Path path;

    public TerminationLog(Path path) {
        this.path = path;
    }

    public static TerminationLog atDefaultPath() {
        return new TerminationLog(Path.of(AgentFlags.DEFAULT_TERMINATION_LOG));
    }

    /** @return whether the summary was written */
    public boolean write(TerminationSummary summary) {
        Path dir = path.toAbsolutePath().getParent();
        // Quietly, without a log line: outside a pod this is every run, and a logger here would set up
        // logging (about 60 classes and a console appender) in runs that log nothing else.
        if (dir == null || !Files.isDirectory(dir)) {
            return false;
        }
        // The kubelet provides /dev/termination-log; never create files in /dev ourselves.
        if (path.equals(Path.of(AgentFlags.DEFAULT_TERMINATION_LOG)) && !Files.exists(path)) {
            return false;
        }
        try {
            Files.writeString(path, SummaryJson.toLine(summary) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return true;
        } catch (IOException e) {
            LoggerFactory.getLogger(TerminationLog.class).warn("cannot write the run summary to {} ({}); the run's result is unaffected", path,
                    e.getClass().getSimpleName());
            return false;
        }
    }

    public Path path() {
        return path;
    }
}
