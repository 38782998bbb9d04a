package dev.backpack.operator.render;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.MetadataSpec;
import dev.backpack.model.validation.InvalidBenchmarkException;
import dev.backpack.model.validation.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Benchmarks of a file given to {@code render}: every YAML document of it, each checked to be a
 * Benchmark (a Deployment or ConfigMap is named as such rather than failing on a missing spec field),
 * and the keys under {@code spec.metadata} the model does not know, which the API server would drop.
 */
final class BenchmarkDocuments {
    static final String API_VERSION = HasMetadata.getApiVersion(Benchmark.class);
    static final String KIND = HasMetadata.getKind(Benchmark.class);
    private static final ObjectMapper MAPPER = BenchmarkYaml.mapper();
    private static final Set<String> METADATA_KEYS = metadataKeys();

    /** One Benchmark, with what is suspicious about it. */
    record Document(Benchmark benchmark, List<Violation> warnings) {
    }

    private BenchmarkDocuments() {
    }

    /** Every document, or the first problem: prefixed with "document N: " when the file has several. */
    static List<Document> read(String yaml) throws InvalidBenchmarkException {
        List<JsonNode> nodes = documents(yaml);
        if (nodes.isEmpty()) {
            throw new InvalidBenchmarkException(new Violation("(document)", "is empty; expected a Benchmark"));
        }
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String where = nodes.size() > 1 ? "document " + (i + 1) + ": " : "";
            JsonNode node = nodes.get(i);
            String kind = node.path("kind").asText("");
            String apiVersion = node.path("apiVersion").asText("");
            if (!node.isObject() || !KIND.equals(kind) || !API_VERSION.equals(apiVersion)) {
                throw new InvalidBenchmarkException(new Violation(where + "(document)", "is "
                        + (node.isObject() ? "apiVersion: " + (apiVersion.isEmpty() ? "(none)" : apiVersion)
                        + ", kind: " + (kind.isEmpty() ? "(none)" : kind) : "not a mapping")
                        + "; render takes Benchmarks (apiVersion: " + API_VERSION + ", kind: " + KIND + ")"));
            }
            Benchmark benchmark;
            try {
                benchmark = BenchmarkYaml.parse(MAPPER.writeValueAsString(node));
            } catch (InvalidBenchmarkException e) {
                throw new InvalidBenchmarkException(e.violations().stream()
                        .map(v -> new Violation(where + v.field(), v.message())).toList());
            } catch (IOException e) {
                throw new IllegalStateException("a parsed YAML tree is always writable", e);
            }
            out.add(new Document(benchmark, unknownMetadataKeys(node.path("spec").path("metadata"))));
        }
        return out;
    }

    private static List<JsonNode> documents(String yaml) throws InvalidBenchmarkException {
        List<JsonNode> nodes = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    nodes.add(node);
                }
            }
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String first = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InvalidBenchmarkException(new Violation(at == null ? "(document)"
                    : "line " + at.getLineNr() + ", column " + at.getColumnNr(), "is not valid YAML: " + first.strip()));
        } catch (IOException e) {
            throw new InvalidBenchmarkException(new Violation("(document)", "could not be read: " + e.getMessage()));
        }
        return nodes;
    }

    private static List<Violation> unknownMetadataKeys(JsonNode metadata) {
        List<Violation> out = new ArrayList<>();
        for (Iterator<String> names = metadata.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!METADATA_KEYS.contains(name)) {
                out.add(new Violation("spec.metadata." + name, "is not a known key and is ignored (the API server"
                        + " drops it); known: " + String.join(", ", METADATA_KEYS)));
            }
        }
        return out;
    }

    private static Set<String> metadataKeys() {
        Set<String> keys = new TreeSet<>();
        for (BeanPropertyDefinition p : MAPPER.getDeserializationConfig()
                .introspect(MAPPER.constructType(MetadataSpec.class)).findProperties()) {
            if (p.hasSetter() || p.hasField() || p.hasConstructorParameter()) {
                keys.add(p.getName());
            }
        }
        return keys;
    }
}
