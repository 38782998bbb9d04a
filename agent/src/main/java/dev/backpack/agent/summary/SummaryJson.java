package dev.backpack.agent.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backpack.contract.JsonTreeWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * {@link TerminationSummary} as one line of JSON. Written with the streaming generator, in the record's
 * {@code @JsonPropertyOrder} with null fields left out, as databind wrote it: a run in a pod writes its
 * summary to the termination log, and databind would cost it a record introspection for one line.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static String toLine(TerminationSummary summary) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JsonTreeWriter.generator(out)) {
            g.writeStartObject();
            field(g, "status", summary.status());
            field(g, "uuid", summary.uuid());
            field(g, "node", summary.node());
            field(g, "target", summary.target());
            g.writeNumberField("modules", summary.modules());
            g.writeNumberField("indexed", summary.indexed());
            g.writeNumberField("alreadyPresent", summary.alreadyPresent());
            g.writeNumberField("skipped", summary.skipped());
            g.writeNumberField("failed", summary.failed());
            g.writeFieldName("errors");
            JsonTreeWriter.INSERTION_ORDER.write(g, summary.errors());
            field(g, "note", summary.note());
            g.writeNumberField("durationMs", summary.durationMs());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Reads a line back (tests, and whoever keeps summaries); databind is fine off the run's path. */
    public static TerminationSummary parse(String line) {
        try {
            return Reader.JSON.readValue(line, TerminationSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run summary: " + e.getOriginalMessage(), e);
        }
    }

    private static final class Reader {
        static final ObjectMapper JSON = JsonMapper.builder().build();
    }
}
