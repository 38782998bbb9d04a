package dev.backpack.agent.cli;

import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.agent.sink.files.FileSink;

/**
 * The one place that decides where documents go. No server: local files (the embedded default).
 * A server: indexing into OpenSearch/Elasticsearch, which this build does not contain yet, so that
 * branch fails clearly instead of silently writing files.
 */
public class SinkSelector {

    public DocumentSink select(SinkRequest request) {
        if (!request.server().hasServer()) {
            return new FileSink(request.outputDirectory());
        }
        return selectServer(request);
    }

    /** The server branch; the search sink replaces this. */
    protected DocumentSink selectServer(SinkRequest request) {
        throw BackpackException.failure("indexing into a server is not available in this build; "
                + "leave out -s/--server to write the documents to files");
    }
}
