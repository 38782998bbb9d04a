package dev.backpack.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backpack.model.v1alpha1.Benchmark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** YAML → object → YAML keeps every field, spelled as the user spelled it. */
class RoundTripTest {
    private static final ObjectMapper TREE = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"reference/daemonset-label.yaml", "reference/enable-collection.yaml",
            "reference/enable-collection-with-es.yaml", "every-field.yaml"})
    void roundTripKeepsEveryField(String resource) throws Exception {
        String original = Resources.read(resource);
        Benchmark parsed = BenchmarkYaml.parse(original);
        String written = BenchmarkYaml.write(parsed);

        JsonNode before = TREE.readTree(original);
        JsonNode after = TREE.readTree(written);
        assertThat(after).isEqualTo(before);
        assertThat(BenchmarkYaml.parse(written).getSpec()).isEqualTo(parsed.getSpec());
    }
}
