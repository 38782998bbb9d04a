package dev.backpack.operator.dependent;

import dev.backpack.model.v1alpha1.Benchmark;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.net.HttpURLConnection;

/**
 * Writes the Benchmark's credentials Secret before anything that refers to it. Create, else merge-patch:
 * the operator may create and patch Secrets but never read them (no get, list or watch), so it never
 * learns the values of Secrets it did not write; the patch brings a changed password in the URL along.
 */
public final class CredentialsSecretWriter {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private CredentialsSecretWriter() {
    }

    public static void write(KubernetesClient client, Secret secret, Benchmark owner) {
        Secret owned = (Secret) WorkloadDependent.withOwner(secret, owner);
        try {
            client.resource(owned).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            // Only the data: the owner reference and labels were set at creation and do not change.
            Secret data = new SecretBuilder().withData(owned.getData()).build();
            client.secrets().inNamespace(owned.getMetadata().getNamespace()).withName(owned.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), SERIALIZATION.asJson(data));
        }
    }
}
