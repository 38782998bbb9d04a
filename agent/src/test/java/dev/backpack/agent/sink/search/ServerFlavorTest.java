package dev.backpack.agent.sink.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerFlavorTest {

    private static String root(String number, String distribution, String buildFlavor) {
        return "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"number\":\"" + number + "\""
                + (distribution.isEmpty() ? "" : ",\"distribution\":\"" + distribution + "\"")
                + (buildFlavor.isEmpty() ? "" : ",\"build_flavor\":\"" + buildFlavor + "\"")
                + ",\"lucene_version\":\"9.12.1\"},\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}";
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "3.3.0,      opensearch, '',      flat_object",
            "2.19.3,     opensearch, '',      flat_object",
            "2.7.0,      opensearch, '',      flat_object",
            "2.6.0,      opensearch, '',      object",
            "1.3.20,     opensearch, '',      object",
            "8.15.0,     '',         default, flattened",
            "9.1.0,      '',         default, flattened",
            "7.17.29,    '',         default, flattened",
            "7.3.0,      '',         default, flattened",
            "7.2.1,      '',         default, object",
            "7.10.2,     '',         oss,     object",
            "8.0.0-SNAPSHOT, '',     default, flattened"})
    void choosesTheFlatTypeTheServerHas(String number, String distribution, String buildFlavor, String type) {
        List<Map<String, Object>> mappings = ServerFlavor.fromRootResponse(root(number, distribution, buildFlavor))
                .valueMappings();

        assertThat(mappings.get(0).get("type")).isEqualTo(type);
        assertThat(mappings).as("stored, never indexed, when the server refuses the others")
                .endsWith(Map.of("type", "object", "enabled", false));
    }

    @org.junit.jupiter.api.Test
    void aServerThatDoesNotSayIsOfferedEveryFlatTypeThenStoredOnly() {
        assertThat(ServerFlavor.UNKNOWN.valueMappings()).extracting(m -> m.get("type"))
                .containsExactly("flattened", "flat_object", "object");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "{}", "{\"version\":{\"number\":\"x.y\"}}", "[]"})
    void anUnexpectedAnswerIsAnUnknownServer(String body) {
        ServerFlavor flavor = ServerFlavor.fromRootResponse(body);

        assertThat(flavor).isEqualTo(ServerFlavor.UNKNOWN);
    }

    @org.junit.jupiter.api.Test
    void theTemplateMakesTheCommonFieldsKeywordsAndTimestampADate() {
        Map<String, Object> body = IndexTemplates.body(Map.of("type", "flat_object"));

        assertThat(body.get("index_patterns")).asList().containsExactly("*-metadata", "stockpile-results-raw");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                body.get("template")).get("mappings")).get("properties");
        for (String keyword : new String[]{"uuid", "module", "host", "node_name", "pod_name", "source_type"}) {
            assertThat(properties.get(keyword)).as(keyword).isEqualTo(Map.of("type", "keyword"));
        }
        assertThat(properties.get("timestamp")).isEqualTo(Map.of("type", "date"));
        assertThat(properties.get("value")).isEqualTo(Map.of("type", "flat_object"));
        assertThat(properties.get("facts")).isEqualTo(Map.of("type", "object", "enabled", false));
    }
}
