package dev.backpack.operator.plan;

import dev.backpack.model.ServerUserInfo;
import dev.backpack.model.v1alpha1.SecretCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Secret that holds the credentials a user wrote into {@code spec.elasticsearch.server}, so that the
 * pods get them through {@code secretKeyRef} rather than in their args, where anyone who can read pods
 * would see them. One per Benchmark, named after it, owned by it (garbage-collected with it).
 */
public final class CredentialsSecret {
    public static final String ROLE = "credentials";
    private static final String SUFFIX = "-es-credentials";

    private CredentialsSecret() {
    }

    public static String name(String benchmark) {
        return benchmark + SUFFIX;
    }

    /** How the pods refer to it: the agent reads these keys from BACKPACK_ES_USERNAME/PASSWORD. */
    public static SecretCredentials reference(String benchmark) {
        return new SecretCredentials(name(benchmark));
    }

    static Secret desired(String benchmark, String namespace, String uuid, ServerUserInfo userInfo) {
        Map<String, String> labels = new TreeMap<>(BenchmarkLabels.of(benchmark, uuid, ROLE));
        return new SecretBuilder()
                .withNewMetadata().withName(name(benchmark)).withNamespace(namespace).withLabels(labels).endMetadata()
                .withType("Opaque")
                .withData(Map.of(SecretCredentials.DEFAULT_USERNAME_KEY, base64(userInfo.username()),
                        SecretCredentials.DEFAULT_PASSWORD_KEY, base64(userInfo.password())))
                .build();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
