package dev.backpack.agent.sink.files;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.backpack.contract.JsonTreeWriter;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;

import java.io.IOException;
import java.io.StringWriter;

/**
 * The file sink's NDJSON lines: {@code _id} first, then the document's source in the order and with the
 * null fields left out as its {@code @JsonPropertyOrder} and {@code @JsonInclude(NON_NULL)} say (what a
 * search server indexes), written with the streaming generator: byte for byte the lines databind wrote,
 * without its per-record introspection in every cold run. {@code DocumentLinesTest} holds them to databind.
 */
final class DocumentLines {
    private DocumentLines() {
    }

    static String of(MetadataDocument d) throws IOException {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JsonTreeWriter.generator(out)) {
            start(g, d.id());
            field(g, "module", d.module());
            field(g, "host", d.host());
            field(g, "source_type", d.sourceType());
            tree(g, "value", d.value());
            field(g, "uuid", d.uuid());
            field(g, "node_name", d.nodeName());
            field(g, "pod_name", d.podName());
            field(g, "timestamp", d.timestamp());
            field(g, "backpack_version", d.backpackVersion());
            g.writeEndObject();
        }
        return out.toString();
    }

    static String of(RawResultDocument r) throws IOException {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = JsonTreeWriter.generator(out)) {
            start(g, r.id());
            field(g, "host", r.host());
            field(g, "uuid", r.uuid());
            field(g, "node_name", r.nodeName());
            field(g, "pod_name", r.podName());
            field(g, "timestamp", r.timestamp());
            field(g, "backpack_version", r.backpackVersion());
            tree(g, "facts", r.facts());
            g.writeEndObject();
        }
        return out.toString();
    }

    // Ids are hex digests and went in unescaped; a document without one wrote "null" as text.
    private static void start(JsonGenerator g, String id) throws IOException {
        g.writeStartObject();
        g.writeStringField("_id", String.valueOf(id));
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void tree(JsonGenerator g, String name, Object value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            JsonTreeWriter.INSERTION_ORDER.write(g, value);
        }
    }
}
