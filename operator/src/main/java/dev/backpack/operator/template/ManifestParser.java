package dev.backpack.operator.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rendered multi-document YAML into typed fabric8 objects (a {@code Job} becomes a {@code Job}, an
 * unknown kind a {@code GenericKubernetesResource}), so that nothing half-valid is ever applied and the
 * injection step can work on typed pod templates.
 */
public final class ManifestParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public List<HasMetadata> parse(String source, String yaml) throws TemplateFailure {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || (doc.isObject() && doc.isEmpty())) {
                    continue;
                }
                objects.add(toObject(source, index, doc));
            }
        } catch (JsonProcessingException e) {
            throw new TemplateFailure(source + " rendered invalid YAML at " + at(e.getLocation(), yaml) + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException cause) {
                throw new TemplateFailure(source + " rendered invalid YAML at " + at(cause.getLocation(), yaml) + ": "
                        + firstLine(cause.getOriginalMessage()));
            }
            throw e;
        } catch (IOException e) {
            throw new TemplateFailure(source + " output could not be read: " + e.getMessage());
        }
        if (objects.isEmpty()) {
            throw new TemplateFailure(source + " rendered no objects");
        }
        return objects;
    }

    private HasMetadata toObject(String source, int index, JsonNode doc) throws TemplateFailure {
        String what = source + " document " + index;
        if (!doc.isObject()) {
            throw new TemplateFailure(what + " is not a mapping (an object with apiVersion, kind, metadata)");
        }
        for (String field : List.of("apiVersion", "kind")) {
            if (!doc.path(field).isTextual() || doc.path(field).asText().isBlank()) {
                throw new TemplateFailure(what + " has no " + field);
            }
        }
        if (!doc.path("metadata").path("name").isTextual() || doc.path("metadata").path("name").asText().isBlank()) {
            throw new TemplateFailure(what + " (" + doc.path("kind").asText() + ") has no metadata.name");
        }
        try {
            KubernetesResource resource = serialization.convertValue(doc, KubernetesResource.class);
            if (resource instanceof HasMetadata object) {
                return object;
            }
            throw new TemplateFailure(what + " (" + doc.path("kind").asText() + ") is not a Kubernetes object");
        } catch (IllegalArgumentException e) {
            throw new TemplateFailure(what + " (" + doc.path("kind").asText() + ") does not match its kind's schema: "
                    + firstLine(e.getMessage()));
        }
    }

    private static String at(JsonLocation location, String yaml) {
        if (location == null || location.getLineNr() < 1) {
            return "(unknown position)";
        }
        int line = location.getLineNr();
        String text = yaml.lines().skip(line - 1L).findFirst().orElse("").strip();
        return "rendered line " + line + " (" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().lines().findFirst().orElse("unknown error");
    }
}
