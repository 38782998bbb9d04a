package dev.backpack.agent.sink.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.contract.IndexNames;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installs the composable index template {@value #NAME} for {@code *-metadata} and
 * {@code stockpile-results-raw} before the first bulk request auto-creates an index: the fields every
 * document has are keywords, {@code timestamp} a date, and {@code value} one field of the type the server
 * offers for free-form objects ({@link ServerFlavor}), so thousands of distinct keys never reach the
 * mapping's field limit. Once per process and server; a template that exists (ours, or the user's own
 * under that name) is left as it is, and a user without the privilege gets a WARN while indexing goes
 * on with the server's dynamic mapping. Nothing here fails a delivery.
 */
final class IndexTemplates {
    static final String NAME = "backpack";
    static final List<String> PATTERNS = List.of("*" + IndexNames.SUFFIX, IndexNames.RAW);
    /** Below the built-in templates of Elasticsearch (logs-*-*, metrics-*-* are 100), above 0. */
    static final int PRIORITY = 90;
    static final List<String> KEYWORDS = List.of("uuid", "module", "host", "node_name", "pod_name", "source_type",
            "backpack_version");

    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INSTALLED = ConcurrentHashMap.newKeySet();

    private final OpenSearchGenericClient http;
    private final ServerAddress address;
    private final FailureClassifier classifier;

    private IndexTemplates(OpenSearchClient client, ServerAddress address, FailureClassifier classifier) {
        this.http = client.generic();
        this.address = address;
        this.classifier = classifier;
    }

    /**
     * Installs the template unless this process already had an answer from this server for this user;
     * a server that could not be reached, or refused the credentials, is asked again by the next delivery.
     */
    static void installOnce(OpenSearchClient client, SearchSinkConfig config, FailureClassifier classifier) {
        String key = config.address().uri() + " as " + config.credentials().map(BasicCredentials::username).orElse("");
        if (INSTALLED.add(key) && !new IndexTemplates(client, config.address(), classifier).install()) {
            INSTALLED.remove(key);
        }
    }

    /** The template's body, with {@code value} mapped as given ({@link ServerFlavor#valueMapping()}). */
    static Map<String, Object> body(Map<String, Object> valueMapping) {
        Map<String, Object> properties = new LinkedHashMap<>();
        KEYWORDS.forEach(field -> properties.put(field, Map.of("type", "keyword")));
        properties.put("timestamp", Map.of("type", "date"));
        properties.put("value", valueMapping);
        properties.put(OversizedLeaves.FIELD, ServerFlavor.STORED_ONLY);
        properties.put("facts", ServerFlavor.STORED_ONLY);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index_patterns", PATTERNS);
        body.put("priority", PRIORITY);
        body.put("version", 1);
        body.put("_meta", Map.of("managed_by", "backpack", "description",
                "backpack metadata documents: see docs/delivery.md, Index template"));
        body.put("template", Map.of("mappings", Map.of("properties", properties)));
        return body;
    }

    /** @return whether the server answered (whatever it said); false when it could not be asked, or not as us */
    private boolean install() {
        try {
            Answer root = call("GET", "/", null);
            if (root.status == 401) {
                return false; // the bulk request reports the credentials; better ones may come
            }
            Answer existing = call("GET", "/_index_template/" + NAME, null);
            if (existing.ok()) {
                LOG.debug("index template {} exists on {}; left as it is", NAME, address);
                return true;
            }
            if (existing.status != 404) {
                return giveUp(existing, "looking for it");
            }
            // Some builds have no GET / (Elasticsearch's integ-test zip): then each type is offered in turn.
            ServerFlavor flavor = root.ok() ? ServerFlavor.fromRootResponse(root.body) : ServerFlavor.UNKNOWN;
            for (Map<String, Object> value : flavor.valueMappings()) {
                Answer created = put(value);
                if (created.ok()) {
                    LOG.info("installed index template {} on {} ({}; value: {})", NAME, address, flavor,
                            value == ServerFlavor.STORED_ONLY ? "stored, not indexed" : value.get("type"));
                    return true;
                }
                if (created.body.contains("already exists")) {
                    LOG.debug("index template {} was created on {} by another agent meanwhile", NAME, address);
                    return true;
                }
                if (created.status != 400 || !created.body.contains("No handler for type")) {
                    return giveUp(created, "creating it");
                }
                LOG.debug("{} has no {} field type", address, value.get("type"));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            SearchFailure failure = classifier.classify(e);
            if (failure.status() > 0) {
                // The client throws for some answers (a 403, for one): the server did answer.
                return giveUp(failure, "installing it");
            }
            // Unreachable, TLS, ...: the bulk request that follows reports it to the user.
            LOG.debug("cannot install index template {} on {}: {}", NAME, address, failure.message());
            return false;
        }
    }

    private Answer put(Map<String, Object> valueMapping) throws IOException {
        // create=true: never replace a template that appeared since we looked.
        return call("PUT", "/_index_template/" + NAME, Map.of("create", "true"),
                JSON.writeValueAsString(body(valueMapping)));
    }

    /** Logs why the template is not installed; false for a 401 (not asked, really). */
    private boolean giveUp(Answer answer, String step) {
        return giveUp(classifier.fromStatus(answer.status, shorten(answer.body)), step);
    }

    private boolean giveUp(SearchFailure failure, String step) {
        if (failure.status() == 401) {
            return false; // the bulk request reports the credentials, with the fix
        }
        // The classifier's 403 text is about writing documents; here the missing right is another one.
        String reason = failure.status() == 403 ? address + " denied it (HTTP 403): the user needs "
                + "manage_index_templates (Elasticsearch) or indices:admin/index_template/* (OpenSearch); or install "
                + "it once as an administrator (docs/delivery.md)" : failure.message();
        LOG.warn("index template {} not installed ({}): {}; indexing goes on with the server's dynamic mapping",
                NAME, step, reason);
        return true;
    }

    private Answer call(String method, String endpoint, String json) throws IOException {
        return call(method, endpoint, Map.of(), json);
    }

    private Answer call(String method, String endpoint, Map<String, String> query, String json) throws IOException {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint).query(query);
        if (json != null) {
            request.json(json);
        }
        try (Response response = http.execute(request.build())) {
            String body = response.getBody().map(Body::bodyAsString).orElse("");
            return new Answer(response.getStatus(), body);
        }
    }

    private static String shorten(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    private record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
