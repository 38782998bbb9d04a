package dev.backpack.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One indexed fact, in the shape upstream scribe writes ({@code module, host, source_type, value, uuid,
 * node_name, pod_name, timestamp}) plus the agent version. {@code id} is the index {@code _id} and is
 * not part of the source.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"module", "host", "source_type", "value", "uuid", "node_name", "pod_name", "timestamp",
        "backpack_version"})
public record MetadataDocument(
        @com.fasterxml.jackson.annotation.JsonIgnore String id,
        @JsonProperty("module") String module,
        @JsonProperty("host") String host,
        @JsonProperty("source_type") String sourceType,
        @JsonProperty("value") Object value,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("node_name") String nodeName,
        @JsonProperty("pod_name") String podName,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("backpack_version") String backpackVersion) {

    /**
     * In a search server, where the entries of {@code value} that hold a string too long to index travel
     * (stored, not indexed; docs/delivery.md). Readers put them back into {@code value}.
     */
    public static final String VALUE_UNINDEXED = "value_unindexed";

    /**
     * Builds a document whose id is computed from its content first, then stamps it with where and when
     * it was collected, exactly as upstream does, so re-runs and many nodes reporting one cluster fact
     * map to one {@code _id}.
     */
    public static MetadataDocument of(MetadataModule module, String host, String sourceType, Object value,
                                      String uuid, String nodeName, String podName, String timestamp,
                                      String backpackVersion) {
        String id = DocumentIds.compute(module, host, sourceType, value, uuid);
        return new MetadataDocument(id, module.moduleName(), host, sourceType, value, uuid, nodeName, podName,
                timestamp, backpackVersion);
    }

    public String index() {
        return IndexNames.forModule(module);
    }
}
