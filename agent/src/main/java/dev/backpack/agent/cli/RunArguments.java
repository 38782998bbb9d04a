package dev.backpack.agent.cli;

import dev.backpack.agent.cli.options.ServerOptions;
import dev.backpack.agent.compare.RunMissingException;
import dev.backpack.agent.compare.RunSource;
import dev.backpack.agent.compare.SourceFailedException;
import dev.backpack.agent.compare.files.FolderRun;
import dev.backpack.agent.compare.search.SearchRun;
import dev.backpack.agent.sink.search.SearchReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Opens the runs named on the command line: an existing folder is the file sink's output, anything
 * else a uuid on the {@code -s} server. Missing runs are usage errors (exit 2); a server that cannot be
 * read is a failure (exit 1). Closes what it opened.
 */
final class RunArguments implements AutoCloseable {
    private final ServerOptions server;
    private final SinkSelector sinks;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private SearchReader reader;

    RunArguments(ServerOptions server, SinkSelector sinks) {
        this.server = server;
        this.sinks = sinks;
    }

    RunSource open(String run) {
        Path path = Path.of(run);
        if (Files.isDirectory(path)) {
            return remember(() -> new FolderRun(path));
        }
        if (!server.hasServer()) {
            if (run.contains("/") || run.startsWith(".")) {
                throw BackpackException.usage(run + " is not a folder; give a backpack output folder, or a uuid with -s/--server");
            }
            throw BackpackException.usage(run + " is not a folder; to read uuid " + run
                    + " from a search server, give -s/--server");
        }
        return remember(() -> new SearchRun(reader(), run));
    }

    /** @throws BackpackException when a run has no document of a module the user asked for */
    static void requireModules(Set<String> modules, RunSource... runs) {
        for (RunSource run : runs) {
            for (String module : modules) {
                if (!guard(() -> run.hasModule(module))) {
                    throw BackpackException.usage(run.describe() + " has no documents in module " + module
                            + "; it was not collected there (see the run's summary), or drop it from --module");
                }
            }
        }
    }

    private SearchReader reader() {
        if (reader == null) {
            try {
                reader = new SearchReader(sinks.serverConfig(server));
            } catch (IllegalArgumentException e) {
                throw BackpackException.usage(e.getMessage());
            }
            opened.add(reader);
        }
        return reader;
    }

    private RunSource remember(Supplier<RunSource> open) {
        RunSource source = guard(open);
        opened.add(source);
        return source;
    }

    /** Runs {@code work}, turning the sources' failures into the command line's one-line errors. */
    static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (RunMissingException e) {
            throw BackpackException.usage(e.getMessage());
        } catch (SourceFailedException | SearchReader.ReadFailedException e) {
            throw new BackpackException(ExitCodes.FAILURE, e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // closing a reader cannot change the answer already printed
            }
        }
    }
}
