package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The DaemonSet controller: one pod per node the template fits (affinity, selector, taints), and status counts. */
final class DaemonSetController {
    static final String DAEMONSET_UID_LABEL = "sim.backpack.dev/daemonset-uid";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final KubernetesClient client;
    private final Scheduler scheduler;

    DaemonSetController(KubernetesClient client, Scheduler scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    void sync() {
        for (DaemonSet ds : client.apps().daemonSets().inAnyNamespace().list().getItems()) {
            if (ds.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            String ns = ds.getMetadata().getNamespace();
            List<Pod> pods = client.pods().inNamespace(ns).withLabel(DAEMONSET_UID_LABEL, ds.getMetadata().getUid()).list().getItems();
            List<Node> nodes = scheduler.feasibleNodes(ds.getSpec().getTemplate().getSpec());
            Set<String> covered = pods.stream().map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet());
            for (Node node : nodes) {
                if (!covered.contains(node.getMetadata().getName())) {
                    createPod(ds, node.getMetadata().getName());
                }
            }
            updateStatus(ds, pods, nodes.size());
        }
    }

    private void createPod(DaemonSet ds, String nodeName) {
        Map<String, String> labels = new HashMap<>();
        if (ds.getSpec().getTemplate().getMetadata() != null && ds.getSpec().getTemplate().getMetadata().getLabels() != null) {
            labels.putAll(ds.getSpec().getTemplate().getMetadata().getLabels());
        }
        labels.put(DAEMONSET_UID_LABEL, ds.getMetadata().getUid());
        PodSpec spec = SERIALIZATION.clone(ds.getSpec().getTemplate().getSpec());
        spec.setNodeName(nodeName);
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(ds.getMetadata().getName() + "-" + nodeName)
                        .withNamespace(ds.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("DaemonSet")
                                .withName(ds.getMetadata().getName()).withUid(ds.getMetadata().getUid())
                                .withController(true).withBlockOwnerDeletion(true).build())
                        .build())
                .withSpec(spec)
                .build();
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
    }

    private void updateStatus(DaemonSet ds, List<Pod> pods, int desired) {
        int ready = (int) pods.stream().filter(DaemonSetController::ready).count();
        DaemonSetStatus old = ds.getStatus();
        if (old != null && Objects.equals(old.getDesiredNumberScheduled(), desired) && Objects.equals(old.getNumberReady(), ready)
                && Objects.equals(old.getCurrentNumberScheduled(), pods.size())
                && Objects.equals(old.getObservedGeneration(), ds.getMetadata().getGeneration())) {
            return;
        }
        client.apps().daemonSets().inNamespace(ds.getMetadata().getNamespace()).withName(ds.getMetadata().getName())
                .editStatus(d -> {
                    DaemonSetStatus s = new DaemonSetStatus();
                    s.setDesiredNumberScheduled(desired);
                    s.setCurrentNumberScheduled(pods.size());
                    s.setUpdatedNumberScheduled(pods.size());
                    s.setNumberReady(ready);
                    s.setNumberAvailable(ready);
                    s.setNumberUnavailable(desired - ready);
                    s.setNumberMisscheduled(0);
                    s.setObservedGeneration(d.getMetadata().getGeneration());
                    d.setStatus(s);
                    return d;
                });
    }

    static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
