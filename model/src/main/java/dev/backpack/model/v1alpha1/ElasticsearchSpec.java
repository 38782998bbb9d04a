package dev.backpack.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.Objects;

/** Where documents are indexed: an Elasticsearch 7.x or OpenSearch 1.x/2.x cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ElasticsearchSpec {
    public static final int DEFAULT_PORT = 9200;

    @JsonPropertyDescription("Host name or URL (http://, https://), with or without a port.")
    private String server;
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("Port, used when server does not carry one. Default 9200.")
    private Integer port;
    @JsonPropertyDescription("Secret in the Benchmark's namespace holding the username and password.")
    private SecretCredentials credentialsSecret;
    @JsonPropertyDescription("Turns TLS certificate verification off. Default false: certificates are verified.")
    private Boolean insecureSkipVerify;
    @JsonPropertyDescription("A Secret or ConfigMap key holding the PEM CA bundle used to verify the server.")
    private CaBundleRef caBundle;

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    @JsonIgnore
    public int portOrDefault() {
        return port != null ? port : DEFAULT_PORT;
    }

    public SecretCredentials getCredentialsSecret() {
        return credentialsSecret;
    }

    public void setCredentialsSecret(SecretCredentials credentialsSecret) {
        this.credentialsSecret = credentialsSecret;
    }

    public Boolean getInsecureSkipVerify() {
        return insecureSkipVerify;
    }

    public void setInsecureSkipVerify(Boolean insecureSkipVerify) {
        this.insecureSkipVerify = insecureSkipVerify;
    }

    @JsonIgnore
    public boolean skipsTlsVerification() {
        return Boolean.TRUE.equals(insecureSkipVerify);
    }

    public CaBundleRef getCaBundle() {
        return caBundle;
    }

    public void setCaBundle(CaBundleRef caBundle) {
        this.caBundle = caBundle;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElasticsearchSpec other
                && Objects.equals(server, other.server)
                && Objects.equals(port, other.port)
                && Objects.equals(credentialsSecret, other.credentialsSecret)
                && Objects.equals(insecureSkipVerify, other.insecureSkipVerify)
                && Objects.equals(caBundle, other.caBundle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, port, credentialsSecret, insecureSkipVerify, caBundle);
    }
}
