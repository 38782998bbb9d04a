package dev.backpack.charts.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chart's values.schema.json applied the way Helm applies it: to the user's values merged over
 * the chart's values.yaml (maps merge key by key, everything else is replaced).
 */
final class ValuesSchema {
    private final Schema schema;
    private final JsonNode defaults;
    private final YAMLMapper yaml = new YAMLMapper();

    ValuesSchema(Path chartDir) throws IOException {
        String schemaText = Files.readString(chartDir.resolve("values.schema.json"));
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(new ObjectMapper().readTree(schemaText));
        this.defaults = yaml.readTree(chartDir.resolve("values.yaml").toFile());
    }

    Set<String> topLevelKeys() {
        Set<String> keys = new TreeSet<>();
        schema.getSchemaNode().path("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Schema errors of these user values merged over the defaults; empty when Helm would accept them. */
    List<String> errors(JsonNode userValues) {
        JsonNode merged = merge(defaults.deepCopy(), userValues);
        return schema.validate(merged).stream().map(Object::toString).toList();
    }

    private static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode target) || !override.isObject()) {
            return override;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            target.set(field.getKey(), existing == null ? field.getValue() : merge(existing, field.getValue()));
        }
        return target;
    }
}
