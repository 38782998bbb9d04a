package dev.backpack.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

import java.util.Objects;

/** A reference to a Secret holding basic-auth credentials; the values themselves never enter the CR. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SecretCredentials {
    public static final String DEFAULT_USERNAME_KEY = "username";
    public static final String DEFAULT_PASSWORD_KEY = "password";

    @Required
    private String name;
    private String usernameKey;
    private String passwordKey;

    public SecretCredentials() {
    }

    public SecretCredentials(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUsernameKey() {
        return usernameKey;
    }

    public void setUsernameKey(String usernameKey) {
        this.usernameKey = usernameKey;
    }

    @JsonIgnore
    public String usernameKeyOrDefault() {
        return usernameKey != null ? usernameKey : DEFAULT_USERNAME_KEY;
    }

    public String getPasswordKey() {
        return passwordKey;
    }

    public void setPasswordKey(String passwordKey) {
        this.passwordKey = passwordKey;
    }

    @JsonIgnore
    public String passwordKeyOrDefault() {
        return passwordKey != null ? passwordKey : DEFAULT_PASSWORD_KEY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretCredentials other
                && Objects.equals(name, other.name)
                && Objects.equals(usernameKey, other.usernameKey)
                && Objects.equals(passwordKey, other.passwordKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, usernameKey, passwordKey);
    }
}
