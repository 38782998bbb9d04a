package dev.backpack.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/** A key of a Secret or of a ConfigMap (exactly one of the two) holding a PEM CA bundle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CaBundleRef {
    public static final String DEFAULT_KEY = "ca.crt";

    private String secretName;
    private String configMapName;
    private String key;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public String getConfigMapName() {
        return configMapName;
    }

    public void setConfigMapName(String configMapName) {
        this.configMapName = configMapName;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public String keyOrDefault() {
        return key != null ? key : DEFAULT_KEY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaBundleRef other
                && Objects.equals(secretName, other.secretName)
                && Objects.equals(configMapName, other.configMapName)
                && Objects.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretName, configMapName, key);
    }
}
