package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The garbage collector: deletes objects all of whose owners are gone, so deleting a Benchmark cleans up. */
final class GarbageCollector {
    private final KubernetesClient client;

    GarbageCollector(KubernetesClient client) {
        this.client = client;
    }

    void sync() {
        List<HasMetadata> dependents = Stream.<HasMetadata>concat(Stream.concat(
                        client.batch().v1().jobs().inAnyNamespace().list().getItems().stream(),
                        client.apps().daemonSets().inAnyNamespace().list().getItems().stream()),
                Stream.concat(client.pods().inAnyNamespace().list().getItems().stream(),
                        client.configMaps().inAnyNamespace().list().getItems().stream()))
                .filter(o -> o.getMetadata().getOwnerReferences() != null && !o.getMetadata().getOwnerReferences().isEmpty())
                .toList();
        if (dependents.isEmpty()) {
            return;
        }
        Map<String, Set<String>> liveUidsByKind = new HashMap<>();
        for (HasMetadata dependent : dependents) {
            boolean orphan = dependent.getMetadata().getOwnerReferences().stream()
                    .noneMatch(o -> liveUidsByKind.computeIfAbsent(o.getApiVersion() + "/" + o.getKind(), k -> liveUids(o)).contains(o.getUid()));
            if (orphan) {
                client.resource(dependent).delete();
            }
        }
    }

    private Set<String> liveUids(OwnerReference owner) {
        Set<String> uids = new HashSet<>();
        for (GenericKubernetesResource r : client.genericKubernetesResources(owner.getApiVersion(), owner.getKind())
                .inAnyNamespace().list().getItems()) {
            uids.add(r.getMetadata().getUid());
        }
        return uids;
    }
}
