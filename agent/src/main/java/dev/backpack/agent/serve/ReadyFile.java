package dev.backpack.agent.serve;

import dev.backpack.agent.summary.SummaryJson;
import dev.backpack.agent.summary.TerminationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The ready file for exec probes: holds the summary of the run readiness is based on. Replaced
 * atomically, so a probe never reads half a line; removed on stop. Without a path it does nothing.
 */
final class ReadyFile {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyFile.class);

    private final Path file;

    /** @param file where to write; null for no ready file */
    ReadyFile(Path file) {
        this.file = file;
    }

    void write(TerminationSummary summary) {
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".backpack-ready", ".tmp");
            Files.writeString(temp, SummaryJson.toLine(summary) + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the ready file {} ({}: {}); /readyz still works", file,
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }

    void delete() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", file, e.getMessage());
        }
    }
}
