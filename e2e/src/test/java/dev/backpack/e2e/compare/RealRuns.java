package dev.backpack.e2e.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.ProcessCommandRunner;
import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.run.RunSummary;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.sink.files.FileSink;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.TagSelection;
import dev.backpack.e2e.servers.SearchServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs built from real collections: the agent's collectors over a host tree (the agent's fixtures, or a
 * changed copy), delivered by the real sinks, or their documents bulk-loaded as many nodes.
 */
public final class RealRuns {
    public static final Path FIXTURES = Path.of("../agent/src/test/resources/hosts");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BULK_LINES = 4_000;

    private RealRuns() {
    }

    /** Collects {@code hostRoot} as {@code node} of {@code uuid} into {@code sink}. */
    public static void collect(Path hostRoot, String uuid, String node, DocumentSink sink) {
        collect(hostRoot, uuid, node, sink, List.of("common"));
    }

    /** The same with the given tags. */
    public static void collect(Path hostRoot, String uuid, String node, DocumentSink sink, List<String> tags) {
        RunSettings settings = new RunSettings(uuid, node, node + "-pod", hostRoot,
                TagSelection.of(tags, List.of()), KubernetesAccess.none("e2e: no cluster"),
                new ProcessCommandRunner(""), CollectorCatalog.machineOf(System.getProperty("os.arch")));
        RunSummary summary = new CollectionRunner().run(settings, sink);
        assertThat(summary.ok()).as("collection of %s: %s", hostRoot, summary).isTrue();
    }

    /** The firecracker-vm tree with vm.swappiness 10 instead of 60 and the avx512f CPU flag removed. */
    static Path changedCopy(Path target) throws IOException {
        Path from = FIXTURES.resolve("firecracker-vm");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path t = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Files.writeString(target.resolve("proc/sys/vm/swappiness"), "10\n");
        Path cpuinfo = target.resolve("proc/cpuinfo");
        Files.writeString(cpuinfo, Files.readString(cpuinfo).replace(" avx512f ", " "));
        return target;
    }

    /** One node's documents from an output folder, as sources without {@code _id}. */
    public static List<ObjectNode> documents(Path folder) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                if (!file.getFileName().toString().endsWith(IndexNames.SUFFIX + FileSink.EXTENSION)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    ObjectNode doc = (ObjectNode) JSON.readTree(line);
                    doc.remove("_id");
                    documents.add(doc);
                }
            }
        }
        return documents;
    }

    /** The documents as node {@code node} of {@code uuid}. */
    public static List<ObjectNode> as(List<ObjectNode> documents, String uuid, String node) {
        List<ObjectNode> out = new ArrayList<>(documents.size());
        for (ObjectNode d : documents) {
            out.add(d.deepCopy().put("uuid", uuid).put("node_name", node).put("host", node));
        }
        return out;
    }

    /** Writes the documents the way the file sink does, one NDJSON file per module. */
    static void writeFolder(List<ObjectNode> documents, Path folder) {
        try {
            Files.createDirectories(folder);
            java.util.Map<String, List<String>> lines = new java.util.TreeMap<>();
            for (ObjectNode d : documents) {
                lines.computeIfAbsent(d.get("module").asText(), m -> new ArrayList<>()).add(d.toString());
            }
            for (var e : lines.entrySet()) {
                Files.write(FileSink.fileFor(folder, IndexNames.forModule(e.getKey())), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bulk-loads documents (server-assigned ids) and refreshes, so they are searchable at once. */
    public static void bulk(SearchServer server, List<ObjectNode> documents) {
        load(server, documents);
        server.request("POST", "/_refresh", null);
    }

    /** Bulk-loads documents without a refresh (for loading many batches). */
    public static void load(SearchServer server, List<ObjectNode> documents) {
        StringBuilder body = new StringBuilder();
        int lines = 0;
        for (ObjectNode d : documents) {
            body.append("{\"index\":{\"_index\":\"").append(IndexNames.forModule(d.get("module").asText()))
                    .append("\"}}\n").append(d).append('\n');
            if (++lines == BULK_LINES) {
                send(server, body.toString());
                body.setLength(0);
                lines = 0;
            }
        }
        if (lines > 0) {
            send(server, body.toString());
        }
    }

    private static void send(SearchServer server, String ndjson) {
        var response = server.request("POST", "/_bulk", ndjson);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).as("bulk errors").contains("\"errors\":false");
    }

}
