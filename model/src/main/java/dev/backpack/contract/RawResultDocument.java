package dev.backpack.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * The whole raw result of one collection run on one node, indexed into {@link IndexNames#RAW}.
 * {@code facts} maps each module name to the raw values its collector produced. It carries the
 * envelope every {@link MetadataDocument} has ({@code host, uuid, node_name, pod_name, timestamp,
 * backpack_version}); {@code host} is the node name, as in the module documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"host", "uuid", "node_name", "pod_name", "timestamp", "backpack_version", "facts"})
public record RawResultDocument(
        @JsonIgnore String id,
        @JsonProperty("host") String host,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("node_name") String nodeName,
        @JsonProperty("pod_name") String podName,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("backpack_version") String backpackVersion,
        @JsonProperty("facts") Map<String, Object> facts) {

    /**
     * The id covers uuid, node and facts, so re-running an unchanged node does not add a copy. {@code host}
     * is left out of it on purpose: it is the node name, already covered, and the id stays the one agents
     * before {@code host} existed computed, so their documents are still recognised as already present.
     */
    public static RawResultDocument of(String uuid, String nodeName, String podName, String timestamp,
                                       String backpackVersion, Map<String, Object> facts) {
        String id = DocumentIds.sha256(DocumentIds.canonicalJson(Map.of("uuid", uuid, "node_name", nodeName,
                "facts", facts)));
        return new RawResultDocument(id, nodeName, uuid, nodeName, podName, timestamp, backpackVersion, facts);
    }
}
