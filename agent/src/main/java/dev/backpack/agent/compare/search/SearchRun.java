package dev.backpack.agent.compare.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backpack.agent.compare.RunMissingException;
import dev.backpack.agent.compare.RunSource;
import dev.backpack.agent.compare.StoredDocument;
import dev.backpack.agent.sink.search.SearchReader;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.ModuleScope;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One uuid's documents in the {@code <module>-metadata} indexes of a search server. The node list comes
 * from a paginated composite aggregation (names only); each node is then one search, scrolled only when
 * it holds more documents than one page, so memory holds one node's documents however large the run.
 */
public final class SearchRun implements RunSource {
    /** Documents per page; the servers' default max_result_window. */
    static final int PAGE = 10_000;
    private static final int NAMES_PER_PAGE = 1_000;
    private static final String OPTIONS = "ignore_unavailable=true&allow_no_indices=true";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SearchReader reader;
    private final String uuid;
    /** existing metadata index → the field holding node_name as a keyword there */
    private final Map<String, String> nodeField = new TreeMap<>();
    private List<String> nodes;

    /** @throws RunMissingException when no metadata index holds a document with this uuid */
    public SearchRun(SearchReader reader, String uuid) {
        this.reader = reader;
        this.uuid = uuid;
        JsonNode mappings = reader.require("GET", "/*" + IndexNames.SUFFIX + "/_mapping/field/node_name,node_name.keyword"
                + "?" + OPTIONS, null);
        for (Iterator<Map.Entry<String, JsonNode>> it = mappings.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> index = it.next();
            JsonNode fields = index.getValue().path("mappings");
            if ("keyword".equals(fields.path("node_name").path("mapping").path("node_name").path("type").asText())) {
                nodeField.put(index.getKey(), "node_name");
            } else if (fields.has("node_name.keyword")) {
                nodeField.put(index.getKey(), "node_name.keyword");
            }
        }
        if (nodeField.isEmpty() || count(new ArrayList<>(nodeField.keySet())) == 0) {
            throw new RunMissingException("no documents with uuid " + uuid + " on " + reader.describe()
                    + " (searched the *" + IndexNames.SUFFIX + " indexes); check the uuid");
        }
    }

    @Override
    public String describe() {
        return uuid;
    }

    @Override
    public List<String> nodes() {
        if (nodes == null) {
            TreeSet<String> names = new TreeSet<>();
            Map<String, List<String>> indexesByField = new TreeMap<>();
            nodeField.forEach((index, field) -> {
                if (scopeOf(index) == ModuleScope.NODE) {
                    indexesByField.computeIfAbsent(field, f -> new ArrayList<>()).add(index);
                }
            });
            indexesByField.forEach((field, indexes) -> collectNames(field, indexes, names));
            nodes = List.copyOf(names);
        }
        return nodes;
    }

    @Override
    public void readNode(String name, Set<String> modules, Consumer<StoredDocument> documents) {
        List<String> indexes = indexes(ModuleScope.NODE, modules);
        if (!indexes.isEmpty()) {
            // A term on a text field can match a part of another name: RunSource.node keeps exact matches only.
            search(indexes, List.of(exact("uuid", uuid), exact("node_name", name)), documents);
        }
    }

    @Override
    public void readCluster(Set<String> modules, Consumer<StoredDocument> documents) {
        List<String> indexes = indexes(ModuleScope.CLUSTER, modules);
        if (!indexes.isEmpty()) {
            search(indexes, List.of(exact("uuid", uuid)), documents);
        }
    }

    @Override
    public boolean hasModule(String module) {
        String index = IndexNames.forModule(module);
        return nodeField.containsKey(index) && count(List.of(index)) > 0;
    }

    @Override
    public void close() {
        // the reader is the caller's
    }

    private long count(List<String> indexes) {
        ObjectNode body = JSON.createObjectNode();
        body.set("query", filter(List.of(exact("uuid", uuid))));
        return reader.require("POST", "/" + String.join(",", indexes) + "/_count?" + OPTIONS, body.toString())
                .path("count").asLong();
    }

    private void collectNames(String field, List<String> indexes, TreeSet<String> names) {
        JsonNode after = null;
        while (true) {
            ObjectNode composite = JSON.createObjectNode().put("size", NAMES_PER_PAGE);
            composite.putArray("sources").addObject().putObject("node").putObject("terms").put("field", field);
            if (after != null) {
                composite.set("after", after);
            }
            ObjectNode body = JSON.createObjectNode().put("size", 0);
            body.set("query", filter(List.of(exact("uuid", uuid))));
            body.putObject("aggs").putObject("nodes").set("composite", composite);
            JsonNode answer = reader.require("POST", "/" + String.join(",", indexes) + "/_search?" + OPTIONS,
                    body.toString());
            JsonNode buckets = answer.path("aggregations").path("nodes").path("buckets");
            buckets.forEach(b -> names.add(b.path("key").path("node").asText()));
            after = answer.path("aggregations").path("nodes").get("after_key");
            if (buckets.size() < NAMES_PER_PAGE || after == null) {
                return;
            }
        }
    }

    /** One page when it holds everything (the usual case), else a scroll over all pages. */
    private void search(List<String> indexes, List<JsonNode> filters, Consumer<StoredDocument> consumer) {
        String path = "/" + String.join(",", indexes) + "/_search";
        ObjectNode body = JSON.createObjectNode().put("size", PAGE).put("track_total_hits", true);
        body.set("query", filter(filters));
        body.putArray("sort").add("_doc");
        body.putArray("_source").add("module").add("source_type").add("node_name").add("uuid").add("value")
                .add(MetadataDocument.VALUE_UNINDEXED);
        JsonNode first = reader.require("POST", path + "?" + OPTIONS, body.toString());
        JsonNode hits = first.path("hits").path("hits");
        if (first.path("hits").path("total").path("value").asLong() <= hits.size()) {
            accept(hits, consumer);
            return;
        }
        JsonNode page = reader.require("POST", path + "?scroll=1m&" + OPTIONS, body.toString());
        String scrollId = page.path("_scroll_id").asText(null);
        try {
            while (page.path("hits").path("hits").size() > 0) {
                accept(page.path("hits").path("hits"), consumer);
                ObjectNode next = JSON.createObjectNode().put("scroll", "1m").put("scroll_id", scrollId);
                page = reader.require("POST", "/_search/scroll", next.toString());
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            if (scrollId != null) {
                ObjectNode clear = JSON.createObjectNode();
                clear.putArray("scroll_id").add(scrollId);
                reader.send("DELETE", "/_search/scroll", clear.toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void accept(JsonNode hits, Consumer<StoredDocument> consumer) {
        for (JsonNode hit : hits) {
            Map<String, Object> source = JSON.convertValue(hit.path("_source"), Map.class);
            if (uuid.equals(source.get("uuid"))) {
                consumer.accept(StoredDocument.fromSource(source));
            }
        }
    }

    private List<String> indexes(ModuleScope scope, Set<String> modules) {
        List<String> indexes = new ArrayList<>();
        for (String index : nodeField.keySet()) {
            String module = index.substring(0, index.length() - IndexNames.SUFFIX.length());
            if (scopeOf(index) == scope && (modules.isEmpty() || modules.contains(module))) {
                indexes.add(URLEncoder.encode(index, StandardCharsets.UTF_8));
            }
        }
        return indexes;
    }

    /** Modules unknown to this version (a newer agent's) are read as node-scope facts. */
    private static ModuleScope scopeOf(String index) {
        String module = index.substring(0, index.length() - IndexNames.SUFFIX.length());
        return MetadataModule.byName(module).map(MetadataModule::scope).orElse(ModuleScope.NODE);
    }

    private static JsonNode filter(List<JsonNode> filters) {
        ObjectNode query = JSON.createObjectNode();
        ArrayNode all = query.putObject("bool").putArray("filter");
        filters.forEach(all::add);
        return query;
    }

    /** The exact value whether the field is a keyword (index template) or text with .keyword (dynamic mapping). */
    private static JsonNode exact(String field, String value) {
        ObjectNode bool = JSON.createObjectNode();
        ObjectNode inner = bool.putObject("bool").put("minimum_should_match", 1);
        ArrayNode should = inner.putArray("should");
        should.addObject().putObject("term").put(field, value);
        should.addObject().putObject("term").put(field + ".keyword", value);
        return bool;
    }

}
