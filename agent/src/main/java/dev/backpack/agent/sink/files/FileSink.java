package dev.backpack.agent.sink.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.backpack.agent.sink.DeliveryProgress;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded default: documents go to local files, one NDJSON file per module named like its index
 * ({@code cpuinfo-metadata.ndjson}) plus {@code stockpile-results-raw.ndjson}, under one folder per
 * run. Each line is the document source; {@code _id} is added as the first field so the files can be
 * bulk-loaded later with the same ids.
 * <p>
 * Several runs may share one folder (agents started together with the same {@code --output}): each
 * delivery holds a lock on {@value #LOCK_FILE} in the folder (a file lock against other processes, a
 * {@link ReentrantLock} against other sinks of this JVM), keeps the lines of other runs, replaces the
 * lines of its own (uuid, node) so a re-run does not duplicate, and replaces each file by renaming a
 * complete temporary file over it, so a reader never sees half a file.
 */
public final class FileSink implements DocumentSink {
    public static final String EXTENSION = ".ndjson";
    static final String LOCK_FILE = ".backpack.lock";
    /** A JVM holding a file lock cannot take it again (OverlappingFileLockException): sinks queue here first. */
    private static final Map<Path, ReentrantLock> FOLDER_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final DeliveryProgress progress = new DeliveryProgress();

    public FileSink(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    public static Path fileFor(Path directory, String index) {
        return directory.resolve(index + EXTENSION);
    }

    @Override
    public synchronized DeliveryReport deliver(List<MetadataDocument> documents, RawResultDocument raw) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + directory + ": " + e.getMessage()
                    + " (choose another with --output)", e);
        }
        Map<String, List<MetadataDocument>> byModule = new LinkedHashMap<>();
        for (MetadataDocument d : documents) {
            byModule.computeIfAbsent(d.module(), k -> new ArrayList<>()).add(d);
        }
        RunKey run = raw != null ? new RunKey(raw.uuid(), raw.nodeName())
                : documents.isEmpty() ? null : new RunKey(documents.get(0).uuid(), documents.get(0).nodeName());
        ReentrantLock inJvm = FOLDER_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
        inJvm.lock();
        try (FolderLock ignored = FolderLock.take(directory.resolve(LOCK_FILE))) {
            Map<String, DeliveryReport.ModuleDelivery> report = new LinkedHashMap<>();
            byModule.forEach((module, docs) -> report.put(module, write(module, docs, run)));
            boolean rawDelivered = raw == null || writeRaw(raw, run);
            return new DeliveryReport(report, rawDelivered);
        } finally {
            inJvm.unlock();
        }
    }

    private DeliveryReport.ModuleDelivery write(String module, List<MetadataDocument> docs, RunKey run) {
        Path file = fileFor(directory, IndexNames.forModule(module));
        try {
            List<String> lines = new ArrayList<>(docs.size());
            for (MetadataDocument d : docs) {
                lines.add(DocumentLines.of(d));
            }
            replaceRun(file, run, lines);
            progress.delivered(docs.size());
            return new DeliveryReport.ModuleDelivery(docs.size(), 0, List.of());
        } catch (IOException e) {
            log().debug("cannot write {}", file, e);
            String reason = "cannot write " + file + ": " + e.getMessage();
            progress.failed(docs.size());
            return new DeliveryReport.ModuleDelivery(0, 0,
                    docs.stream().map(d -> new DeliveryReport.FailedDocument(d.id(), reason)).toList());
        }
    }

    private boolean writeRaw(RawResultDocument raw, RunKey run) {
        Path file = fileFor(directory, IndexNames.RAW);
        try {
            replaceRun(file, run, List.of(DocumentLines.of(raw)));
            return true;
        } catch (IOException e) {
            log().error("cannot write {}: {}", file, e.getMessage());
            return false;
        }
    }

    /**
     * Rewrites {@code file} as its lines from other runs followed by {@code lines}: a complete temporary
     * file in the same folder, then an atomic rename over the old one.
     */
    private void replaceRun(Path file, RunKey run, List<String> lines) throws IOException {
        List<String> kept = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && (run == null || !run.owns(line))) {
                    kept.add(line);
                }
            }
        }
        Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (String line : kept) {
                    out.write(line);
                    out.write('\n');
                }
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public String describe() {
        return "files:" + directory;
    }

    @Override
    public Optional<DeliveryProgress> progress() {
        return Optional.of(progress);
    }

    /**
     * The run a line belongs to; lines that are not ours (other runs, not JSON) are kept as they are. Only
     * the line's top-level {@code uuid} and {@code node_name} count (the last of a repeated one), read with
     * the streaming parser, since a re-run into the same folder checks every line of its own uuid.
     */
    record RunKey(String uuid, String nodeName) {
        private static final JsonFactory JSON = JsonFactory.builder().build();

        boolean owns(String line) {
            if (uuid == null || !line.contains(uuid)) {
                return false; // cheap: most lines of another run do not even mention this uuid
            }
            try (JsonParser p = JSON.createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                String lineUuid = null;
                String lineNode = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String text = textOf(p, p.nextToken());
                    if ("uuid".equals(name)) {
                        lineUuid = text;
                    } else if ("node_name".equals(name)) {
                        lineNode = text;
                    }
                }
                return uuid.equals(lineUuid) && Objects.equals(nodeName, lineNode);
            } catch (IOException e) {
                return false;
            }
        }

        // As JsonNode.asText(null): a scalar's text, null for null, "" for an object or array (skipped).
        private static String textOf(JsonParser p, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value.isStructStart()) {
                p.skipChildren();
                return "";
            }
            return p.getText();
        }
    }

    /** An exclusive lock on the folder's lock file, held across processes; none where the file system has no locks. */
    private record FolderLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        static FolderLock take(Path lockFile) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                return new FolderLock(channel, channel.lock());
            } catch (IOException e) {
                log().warn("cannot lock {} ({}); writing without it: runs sharing this folder may overwrite each other",
                        lockFile, e.getMessage());
                closeQuietly(channel);
                return new FolderLock(null, null);
            }
        }

        @Override
        public void close() {
            closeQuietly(channel); // releases the lock
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    log().debug("closing a lock file: {}", e.getMessage());
                }
            }
        }
    }

    // Looked up when something is logged, not at class initialisation: a static logger would set up
    // logging (logback and SLF4J, about 85 classes) in every run, most of which log nothing.
    private static Logger log() {
        return LoggerFactory.getLogger(FileSink.class);
    }
}
