package dev.backpack.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.backpack.contract.AgentImage;
import dev.backpack.contract.Tags;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;
import java.util.Objects;

/**
 * {@code spec.metadata}: whether and how node metadata is collected. Fields stay {@code null} when the
 * CR leaves them out so that a round trip writes back exactly what the user wrote; the
 * {@code ...OrDefault} accessors apply the documented defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MetadataSpec {
    public static final String DEFAULT_SERVICE_ACCOUNT = "default";

    @Default("false")
    @JsonPropertyDescription("Collect node metadata for this benchmark. Default false.")
    private Boolean collection;
    @Default("true")
    @JsonPropertyDescription("true: an init container in each workload pod; false: a DaemonSet. Default true.")
    private Boolean targeted;
    @Default("false")
    @JsonPropertyDescription("Run the collector privileged (full DMI/SMBIOS data). Default false.")
    private Boolean privileged;
    @JsonPropertyDescription("Service account of the collector (and, when targeted, of the whole workload pod).")
    private String serviceaccount;
    @JsonPropertyDescription("Collector image. Default: the operator's agent image.")
    private String image;
    // The value may be empty (role labels such as node-role.kubernetes.io/worker); only the key may not.
    @ValidationRule(value = "self.all(p, size(p) == 2 && size(p[0]) > 0)",
            message = "each label entry must be a [key, value] pair with a non-empty key (the value may be '')")
    @JsonPropertyDescription("DaemonSet only: run on nodes matching ANY of these [key, value] pairs.")
    private List<List<String>> label;
    @Default("false")
    @JsonPropertyDescription("Collect even when this node was already collected for this uuid.")
    private Boolean force;
    @ValidationRule(value = "self.all(t, t in " + Tags.CEL_KNOWN + ")", message = "unknown stockpile tag")
    @JsonPropertyDescription("Tags of the modules to collect. Default [common, k8s, openshift].")
    private List<String> stockpileTags;
    @ValidationRule(value = "self.all(t, t in " + Tags.CEL_KNOWN + ")", message = "unknown stockpile tag")
    @JsonProperty("stockpile_tags")
    @JsonPropertyDescription("Legacy spelling of stockpileTags.")
    private List<String> stockpileTagsSnakeCase;
    @ValidationRule(value = "self.all(t, t in " + Tags.CEL_KNOWN + ")", message = "unknown stockpile tag")
    @JsonPropertyDescription("Tags of the modules to leave out. Default [].")
    private List<String> stockpileSkipTags;
    @ValidationRule(value = "self.all(t, t in " + Tags.CEL_KNOWN + ")", message = "unknown stockpile tag")
    @JsonProperty("stockpile_skip_tags")
    @JsonPropertyDescription("Legacy spelling of stockpileSkipTags.")
    private List<String> stockpileSkipTagsSnakeCase;

    public Boolean getCollection() {
        return collection;
    }

    public void setCollection(Boolean collection) {
        this.collection = collection;
    }

    @JsonIgnore
    public boolean collectionEnabled() {
        return Boolean.TRUE.equals(collection);
    }

    public Boolean getTargeted() {
        return targeted;
    }

    public void setTargeted(Boolean targeted) {
        this.targeted = targeted;
    }

    @JsonIgnore
    public boolean targetedOrDefault() {
        return !Boolean.FALSE.equals(targeted);
    }

    public Boolean getPrivileged() {
        return privileged;
    }

    public void setPrivileged(Boolean privileged) {
        this.privileged = privileged;
    }

    @JsonIgnore
    public boolean privilegedOrDefault() {
        return Boolean.TRUE.equals(privileged);
    }

    public String getServiceaccount() {
        return serviceaccount;
    }

    public void setServiceaccount(String serviceaccount) {
        this.serviceaccount = serviceaccount;
    }

    @JsonIgnore
    public String serviceaccountOrDefault() {
        return serviceaccount != null && !serviceaccount.isBlank() ? serviceaccount : DEFAULT_SERVICE_ACCOUNT;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    @JsonIgnore
    public String imageOr(String operatorDefault) {
        return image != null && !image.isBlank() ? image : operatorDefault;
    }

    @JsonIgnore
    public String imageOrDefault() {
        return imageOr(AgentImage.DEFAULT);
    }

    public List<List<String>> getLabel() {
        return label;
    }

    public void setLabel(List<List<String>> label) {
        this.label = label;
    }

    @JsonIgnore
    public List<List<String>> labelOrEmpty() {
        return label != null ? label : List.of();
    }

    public Boolean getForce() {
        return force;
    }

    public void setForce(Boolean force) {
        this.force = force;
    }

    @JsonIgnore
    public boolean forceOrDefault() {
        return Boolean.TRUE.equals(force);
    }

    public List<String> getStockpileTags() {
        return stockpileTags;
    }

    public void setStockpileTags(List<String> stockpileTags) {
        this.stockpileTags = stockpileTags;
    }

    public List<String> getStockpileTagsSnakeCase() {
        return stockpileTagsSnakeCase;
    }

    public void setStockpileTagsSnakeCase(List<String> stockpileTagsSnakeCase) {
        this.stockpileTagsSnakeCase = stockpileTagsSnakeCase;
    }

    /** The tags to collect, whichever spelling the CR used; the defaults when it used neither. */
    @JsonIgnore
    public List<String> effectiveTags() {
        if (stockpileTags != null) {
            return stockpileTags;
        }
        return stockpileTagsSnakeCase != null ? stockpileTagsSnakeCase : Tags.DEFAULT;
    }

    public List<String> getStockpileSkipTags() {
        return stockpileSkipTags;
    }

    public void setStockpileSkipTags(List<String> stockpileSkipTags) {
        this.stockpileSkipTags = stockpileSkipTags;
    }

    public List<String> getStockpileSkipTagsSnakeCase() {
        return stockpileSkipTagsSnakeCase;
    }

    public void setStockpileSkipTagsSnakeCase(List<String> stockpileSkipTagsSnakeCase) {
        this.stockpileSkipTagsSnakeCase = stockpileSkipTagsSnakeCase;
    }

    /** The tags to leave out, whichever spelling the CR used; none when it used neither. */
    @JsonIgnore
    public List<String> effectiveSkipTags() {
        if (stockpileSkipTags != null) {
            return stockpileSkipTags;
        }
        return stockpileSkipTagsSnakeCase != null ? stockpileSkipTagsSnakeCase : List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataSpec other
                && Objects.equals(collection, other.collection)
                && Objects.equals(targeted, other.targeted)
                && Objects.equals(privileged, other.privileged)
                && Objects.equals(serviceaccount, other.serviceaccount)
                && Objects.equals(image, other.image)
                && Objects.equals(label, other.label)
                && Objects.equals(force, other.force)
                && Objects.equals(stockpileTags, other.stockpileTags)
                && Objects.equals(stockpileTagsSnakeCase, other.stockpileTagsSnakeCase)
                && Objects.equals(stockpileSkipTags, other.stockpileSkipTags)
                && Objects.equals(stockpileSkipTagsSnakeCase, other.stockpileSkipTagsSnakeCase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(collection, targeted, privileged, serviceaccount, image, label, force,
                stockpileTags, stockpileTagsSnakeCase, stockpileSkipTags, stockpileSkipTagsSnakeCase);
    }
}
