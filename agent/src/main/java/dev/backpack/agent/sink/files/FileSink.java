package dev.backpack.agent.sink.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded default: documents go to local files, one NDJSON file per module named like its index
 * ({@code cpuinfo-metadata.ndjson}) plus {@code stockpile-results-raw.ndjson}, under one folder per
 * run. Each line is the document source; {@code _id} is added as the first field so the files can be
 * bulk-loaded later with the same ids.
 */
public final class FileSink implements DocumentSink {
    public static final String EXTENSION = ".ndjson";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final Path directory;

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
        Map<String, DeliveryReport.ModuleDelivery> report = new LinkedHashMap<>();
        byModule.forEach((module, docs) -> report.put(module, write(module, docs)));
        boolean rawDelivered = writeRaw(raw);
        return new DeliveryReport(report, rawDelivered);
    }

    private DeliveryReport.ModuleDelivery write(String module, List<MetadataDocument> docs) {
        Path file = fileFor(directory, IndexNames.forModule(module));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (MetadataDocument d : docs) {
                out.write(withId(d.id(), JSON.writeValueAsString(d)));
                out.write('\n');
            }
            return new DeliveryReport.ModuleDelivery(docs.size(), 0, List.of());
        } catch (IOException e) {
            String reason = "cannot write " + file + ": " + e.getMessage();
            return new DeliveryReport.ModuleDelivery(0, 0,
                    docs.stream().map(d -> new DeliveryReport.FailedDocument(d.id(), reason)).toList());
        }
    }

    private boolean writeRaw(RawResultDocument raw) {
        Path file = fileFor(directory, IndexNames.RAW);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(withId(raw.id(), JSON.writeValueAsString(raw)));
            out.write('\n');
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Prepends {@code "_id"} to the serialized source; ids are hex, so no escaping is needed. */
    static String withId(String id, String sourceJson) {
        return sourceJson.length() > 2
                ? "{\"_id\":\"" + id + "\"," + sourceJson.substring(1)
                : "{\"_id\":\"" + id + "\"}";
    }

    @Override
    public String describe() {
        return "files:" + directory;
    }
}
