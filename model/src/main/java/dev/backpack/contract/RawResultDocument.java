package dev.backpack.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * The whole raw result of one collection run on one node, indexed into {@link IndexNames#RAW}.
 * {@code facts} maps each module name to the raw values its collector produced.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawResultDocument(
        @JsonIgnore String id,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("node_name") String nodeName,
        @JsonProperty("pod_name") String podName,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("backpack_version") String backpackVersion,
        @JsonProperty("facts") Map<String, Object> facts) {

    /** The id covers uuid, node and facts, so re-running an unchanged node does not add a copy. */
    public static RawResultDocument of(String uuid, String nodeName, String podName, String timestamp,
                                       String backpackVersion, Map<String, Object> facts) {
        String id = DocumentIds.sha256(DocumentIds.canonicalJson(Map.of("uuid", uuid, "node_name", nodeName,
                "facts", facts)));
        return new RawResultDocument(id, uuid, nodeName, podName, timestamp, backpackVersion, facts);
    }
}
