package dev.backpack.agent.cli;

import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.sink.files.FileSink;

import java.nio.file.Path;

/**
 * The one place that decides where documents go. No server: local files (the embedded default).
 * A server: indexing into OpenSearch/Elasticsearch, which this build does not contain yet, so that
 * branch fails clearly instead of silently writing files.
 */
public class SinkSelector {

    public DocumentSink select(ServerOptions server, RedisOptions redis, Path outputDirectory) {
        if (!server.hasServer()) {
            return new FileSink(outputDirectory);
        }
        return selectServer(server, redis);
    }

    /** The server branch; the search sink replaces this. */
    protected DocumentSink selectServer(ServerOptions server, RedisOptions redis) {
        throw BackpackException.failure("indexing into a server is not available in this build; "
                + "leave out -s/--server to write the documents to files");
    }
}
