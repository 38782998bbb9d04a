package dev.backpack.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backpack.contract.Tags;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart ships exactly the CRD the build generates, and that CRD validates what it should. */
class CrdTest {
    private static final Path GENERATED = Path.of(System.getProperty("backpack.generatedCrd"));
    private static final Path CHART = Path.of(System.getProperty("backpack.chartCrd"));

    @Test
    void chartCrdIsTheGeneratedOne() throws Exception {
        assertThat(GENERATED).exists();
        assertThat(CHART)
                .as("charts/backpack/crds is stale; run: cp %s %s", GENERATED, CHART)
                .exists()
                .hasSameTextualContentAs(GENERATED);
    }

    @Test
    void crdCarriesColumnsDefaultsAndValidation() throws Exception {
        JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(GENERATED));
        JsonNode version = crd.at("/spec/versions/0");
        assertThat(crd.at("/spec/group").asText()).isEqualTo("ripsaw.cloudbulldozer.io");
        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
        assertThat(version.at("/name").asText()).isEqualTo("v1alpha1");
        assertThat(version.at("/subresources/status").isObject()).isTrue();

        List<String> columns = new ArrayList<>();
        version.at("/additionalPrinterColumns").forEach(c -> columns.add(c.get("name").asText()));
        assertThat(columns).as("kubectl get benchmarks shows them in this order")
                .containsExactly("Type", "State", "Metadata State", "UUID", "Age");

        JsonNode spec = version.at("/schema/openAPIV3Schema/properties/spec/properties");
        JsonNode metadata = spec.at("/metadata/properties");
        assertThat(metadata.at("/collection/default").asBoolean(true)).isFalse();
        assertThat(metadata.at("/targeted/default").asBoolean(false)).isTrue();
        assertThat(metadata.at("/privileged/default").asBoolean(true)).isFalse();
        assertThat(metadata.at("/force/default").asBoolean(true)).isFalse();
        assertThat(metadata.at("/label/x-kubernetes-validations/0/rule").asText())
                .as("an empty value is allowed (role labels), an empty key is not")
                .isEqualTo("self.all(p, size(p) == 2 && size(p[0]) > 0)");
        for (String tagField : List.of("stockpileTags", "stockpile_tags", "stockpileSkipTags", "stockpile_skip_tags")) {
            assertThat(metadata.at("/" + tagField + "/x-kubernetes-validations/0/rule").asText())
                    .as(tagField).contains(Tags.CEL_KNOWN);
        }
        assertThat(spec.at("/elasticsearch/properties/port/minimum").asInt()).isEqualTo(1);
        assertThat(spec.at("/elasticsearch/properties/port/maximum").asInt()).isEqualTo(65535);
        assertThat(spec.at("/workload/properties/args/x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
        assertThat(spec.at("/workload/properties/args/additionalProperties").isMissingNode())
                .as("args values of any type must be accepted").isTrue();
    }

    @Test
    void celTagListMatchesTheCatalog() {
        Matcher m = Pattern.compile("'([^']+)'").matcher(Tags.CEL_KNOWN);
        TreeSet<String> cel = new TreeSet<>();
        while (m.find()) {
            cel.add(m.group(1));
        }
        assertThat(cel).isEqualTo(Tags.known());
    }
}
