package dev.backpack.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BenchmarkSpec {
    private ElasticsearchSpec elasticsearch;
    private MetadataSpec metadata;
    @Required
    private WorkloadSpec workload;

    public ElasticsearchSpec getElasticsearch() {
        return elasticsearch;
    }

    public void setElasticsearch(ElasticsearchSpec elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    public MetadataSpec getMetadata() {
        return metadata;
    }

    public void setMetadata(MetadataSpec metadata) {
        this.metadata = metadata;
    }

    /** The metadata section, or one holding every default when the CR has none. */
    public MetadataSpec metadataOrDefaults() {
        return metadata != null ? metadata : new MetadataSpec();
    }

    public WorkloadSpec getWorkload() {
        return workload;
    }

    public void setWorkload(WorkloadSpec workload) {
        this.workload = workload;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BenchmarkSpec other
                && Objects.equals(elasticsearch, other.elasticsearch)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(workload, other.workload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(elasticsearch, metadata, workload);
    }
}
