package dev.backpack.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code spec.workload}: which workload template to run, and its free-form arguments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkloadSpec {
    @Required
    @JsonPropertyDescription("Name of the workload template, e.g. byowl.")
    private String name;
    @PreserveUnknownFields
    @SchemaFrom(type = FreeFormObject.class)
    @JsonPropertyDescription("Arguments of the workload template; their meaning is the template's.")
    private Map<String, Object> args;

    public WorkloadSpec() {
    }

    public WorkloadSpec(String name, Map<String, Object> args) {
        this.name = name;
        this.args = args;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Map<String, Object> getArgs() {
        return args;
    }

    public void setArgs(Map<String, Object> args) {
        this.args = args == null ? null : new LinkedHashMap<>(args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkloadSpec other && Objects.equals(name, other.name) && Objects.equals(args, other.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, args);
    }
}
