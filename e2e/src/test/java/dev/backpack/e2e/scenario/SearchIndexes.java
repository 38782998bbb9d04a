package dev.backpack.e2e.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scenarios ask of the index: read-only queries over the REST API, kept independent of the
 * agent's own client so that a bug there cannot hide itself.
 */
public final class SearchIndexes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public SearchIndexes(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Documents per module index for one uuid (and one node when given). */
    public Map<String, Long> countsByModule(String uuid, String nodeName) {
        refresh();
        Map<String, Long> counts = new TreeMap<>();
        for (String index : metadataIndices()) {
            long count = count(index, uuid, nodeName);
            if (count > 0) {
                counts.put(index.substring(0, index.length() - "-metadata".length()), count);
            }
        }
        return counts;
    }

    /** Which of the candidate nodes reported documents for a uuid. */
    public List<String> nodesWithDocuments(String uuid, List<String> candidates) {
        refresh();
        List<String> nodes = new ArrayList<>();
        for (String node : candidates) {
            if (count("*-metadata", uuid, node) > 0) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** Raw-result documents for a uuid. */
    public long rawResults(String uuid) {
        refresh();
        return count("stockpile-results-raw", uuid, null);
    }

    public long total(String uuid) {
        return countsByModule(uuid, null).values().stream().mapToLong(Long::longValue).sum();
    }

    private List<String> metadataIndices() {
        JsonNode indices = get("/_cat/indices/*-metadata?format=json");
        List<String> names = new ArrayList<>();
        indices.forEach(i -> names.add(i.get("index").asText()));
        return names;
    }

    /** Matches a field whether it is mapped as keyword or as text with a keyword sub-field (dynamic mapping). */
    private static String exact(String field, String value) {
        return "{\"bool\":{\"should\":[{\"term\":{\"" + field + "\":\"" + value + "\"}},{\"term\":{\"" + field
                + ".keyword\":\"" + value + "\"}}],\"minimum_should_match\":1}}";
    }

    private long count(String index, String uuid, String nodeName) {
        String query = nodeName == null ? exact("uuid", uuid)
                : "{\"bool\":{\"filter\":[" + exact("uuid", uuid) + "," + exact("node_name", nodeName) + "]}}";
        return post("/" + index + "/_count?ignore_unavailable=true&allow_no_indices=true", "{\"query\":" + query + "}")
                .path("count").asLong();
    }

    private void refresh() {
        post("/_refresh?ignore_unavailable=true&allow_no_indices=true", "");
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET().build(), path);
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), path);
    }

    private JsonNode send(HttpRequest request, String path) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
