package dev.backpack.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BenchmarkStatus {
    @JsonPropertyDescription("Lifecycle state of the benchmark; see BenchmarkState.")
    private String state;
    @JsonPropertyDescription("The benchmark's uuid, under which every document is indexed.")
    private String uuid;
    @JsonPropertyDescription("Metadata collection state: not collected, Collecting, Complete or Failed.")
    private String metadata;
    @JsonPropertyDescription("Human-readable detail of the current state, e.g. why it failed.")
    private String message;
    private Long observedGeneration;
    private List<Condition> conditions;

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? null : new ArrayList<>(conditions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BenchmarkStatus other
                && Objects.equals(state, other.state)
                && Objects.equals(uuid, other.uuid)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(message, other.message)
                && Objects.equals(observedGeneration, other.observedGeneration)
                && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, uuid, metadata, message, observedGeneration, conditions);
    }
}
