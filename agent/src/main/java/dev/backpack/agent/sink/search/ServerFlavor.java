package dev.backpack.agent.sink.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Which server family and version answers {@code GET /}, and therefore which field types may keep a
 * document's free-form {@code value} to one mapped field: {@code flat_object} on OpenSearch 2.7+,
 * {@code flattened} on Elasticsearch 7.3+ (not in its OSS build), else an object that is stored but
 * not indexed. A server that does not say (some builds have no {@code GET /}) is offered each in turn.
 */
record ServerFlavor(Family family, int major, int minor, boolean oss) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept in {@code _source} and returned, never indexed: adds no fields at all. */
    static final Map<String, Object> STORED_ONLY = Map.of("type", "object", "enabled", false);

    enum Family { OPENSEARCH, ELASTICSEARCH, UNKNOWN }

    static final ServerFlavor UNKNOWN = new ServerFlavor(Family.UNKNOWN, 0, 0, false);

    /** Reads the answer to {@code GET /}; anything unexpected is {@link #UNKNOWN}. */
    static ServerFlavor fromRootResponse(String body) {
        try {
            JsonNode version = JSON.readTree(body).path("version");
            String[] number = version.path("number").asText("").split("[.-]");
            if (number.length < 2) {
                return UNKNOWN;
            }
            int major = Integer.parseInt(number[0]);
            int minor = Integer.parseInt(number[1]);
            if ("opensearch".equals(version.path("distribution").asText())) {
                return new ServerFlavor(Family.OPENSEARCH, major, minor, false);
            }
            return new ServerFlavor(Family.ELASTICSEARCH, major, minor, "oss".equals(version.path("build_flavor").asText()));
        } catch (IOException | NumberFormatException e) {
            return UNKNOWN;
        }
    }

    static final Map<String, Object> FLAT_OBJECT = Map.of("type", "flat_object");
    /** Lucene refuses terms over 32766 bytes; longer leaves stay in _source only. */
    static final Map<String, Object> FLATTENED = Map.of("type", "flattened", "ignore_above", 8191);

    /**
     * The mappings of {@code value} to offer, best first, each one field however many keys the documents
     * carry; the last one every server accepts.
     */
    List<Map<String, Object>> valueMappings() {
        return switch (family) {
            case OPENSEARCH -> atLeast(2, 7) ? List.of(FLAT_OBJECT, STORED_ONLY) : List.of(STORED_ONLY);
            case ELASTICSEARCH -> !oss && atLeast(7, 3) ? List.of(FLATTENED, STORED_ONLY) : List.of(STORED_ONLY);
            case UNKNOWN -> List.of(FLATTENED, FLAT_OBJECT, STORED_ONLY);
        };
    }

    private boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    @Override
    public String toString() {
        return family == Family.UNKNOWN ? "an unknown server"
                : (family == Family.OPENSEARCH ? "OpenSearch " : "Elasticsearch ") + major + "." + minor + (oss ? " (OSS)" : "");
    }
}
