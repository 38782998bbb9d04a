package dev.backpack.agent.compare.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backpack.agent.compare.RunMissingException;
import dev.backpack.agent.compare.RunSource;
import dev.backpack.agent.compare.SourceFailedException;
import dev.backpack.agent.compare.StoredDocument;
import dev.backpack.agent.sink.files.FileSink;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.ModuleScope;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A run written by the file sink: one output folder ({@code backpack-output/<uuid>}, one node's
 * {@code <module>-metadata.ndjson} files), or a folder of such folders, one per node (what collecting
 * the nodes' output folders into one place gives). Files are read line by line when a node is asked
 * for, so memory holds one node's documents.
 */
public final class FolderRun implements RunSource {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String SUFFIX = IndexNames.SUFFIX + FileSink.EXTENSION;

    private final Path root;
    /** node name → the output folders holding its documents */
    private final TreeMap<String, List<Path>> folders = new TreeMap<>();
    private final List<Path> outputFolders;

    public FolderRun(Path root) {
        this.root = root;
        if (!Files.isDirectory(root)) {
            throw new RunMissingException(root + " is not a folder; give a backpack output folder "
                    + "(holding <module>-metadata.ndjson files) or a uuid with -s/--server");
        }
        outputFolders = findOutputFolders(root);
        if (outputFolders.isEmpty()) {
            throw new RunMissingException(root + " is not a backpack output folder: no *" + SUFFIX
                    + " files in it or in its subfolders");
        }
        for (Path folder : outputFolders) {
            for (String node : nodesIn(folder)) {
                folders.computeIfAbsent(node, n -> new ArrayList<>()).add(folder);
            }
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(folders.keySet());
    }

    @Override
    public void readNode(String name, Set<String> modules, Consumer<StoredDocument> documents) {
        for (Path folder : folders.getOrDefault(name, List.of())) {
            for (Path file : moduleFiles(folder, ModuleScope.NODE, modules)) {
                read(file, documents);
            }
        }
    }

    @Override
    public void readCluster(Set<String> modules, Consumer<StoredDocument> documents) {
        // Each node's folder may hold a copy of the cluster facts: the first folder that has them speaks for the run.
        for (Path folder : outputFolders) {
            List<Path> files = moduleFiles(folder, ModuleScope.CLUSTER, modules);
            if (!files.isEmpty()) {
                files.forEach(f -> read(f, documents));
                return;
            }
        }
    }

    @Override
    public boolean hasModule(String module) {
        for (Path folder : outputFolders) {
            Path file = FileSink.fileFor(folder, IndexNames.forModule(module));
            try {
                if (Files.isRegularFile(file) && Files.size(file) > 0) {
                    return true;
                }
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        return false;
    }

    @Override
    public void close() {
        // nothing held open between nodes
    }

    private static List<Path> findOutputFolders(Path root) {
        if (isOutputFolder(root)) {
            return List.of(root);
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).filter(FolderRun::isOutputFolder).sorted().toList();
        } catch (IOException e) {
            throw unreadable(root, e);
        }
    }

    private static boolean isOutputFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(SUFFIX));
        } catch (IOException e) {
            return false;
        }
    }

    /** Node names of a folder: the file sink writes one node per folder, so the first line of each file tells. */
    private static Set<String> nodesIn(Path folder) {
        Set<String> nodes = new LinkedHashSet<>();
        for (Path file : moduleFiles(folder, ModuleScope.NODE, Set.of())) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                while (line != null && line.isBlank()) {
                    line = in.readLine();
                }
                if (line != null) {
                    nodes.add(parse(file, 1, line).nodeName());
                }
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        if (nodes.size() > 1) {
            // Files of several nodes merged into one folder: every line must be looked at.
            nodes.clear();
            moduleFiles(folder, ModuleScope.NODE, Set.of()).forEach(f -> read(f, d -> nodes.add(d.nodeName())));
        }
        nodes.remove(null);
        return nodes;
    }

    private static List<Path> moduleFiles(Path folder, ModuleScope scope, Set<String> modules) {
        List<Path> files = new ArrayList<>();
        for (MetadataModule module : MetadataModule.all()) {
            if (module.scope() != scope || (!modules.isEmpty() && !modules.contains(module.moduleName()))) {
                continue;
            }
            Path file = FileSink.fileFor(folder, module.indexName());
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static void read(Path file, Consumer<StoredDocument> consumer) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    consumer.accept(parse(file, lineNumber, line));
                }
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static StoredDocument parse(Path file, int lineNumber, String line) {
        try {
            return StoredDocument.fromSource(JSON.readValue(line, Map.class));
        } catch (JsonProcessingException e) {
            throw new SourceFailedException(file + " line " + lineNumber + " is not a JSON document ("
                    + e.getOriginalMessage() + "); the file sink writes one document per line");
        } catch (ClassCastException e) {
            throw new SourceFailedException(file + " line " + lineNumber + " is not a metadata document");
        }
    }

    private static SourceFailedException unreadable(Path file, IOException e) {
        String why = e instanceof NoSuchFileException ? "it does not exist" : e.getMessage();
        return new SourceFailedException("cannot read " + file + ": " + why, e);
    }
}
