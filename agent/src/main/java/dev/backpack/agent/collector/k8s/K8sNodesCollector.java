package dev.backpack.agent.collector.k8s;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.contract.MetadataModule;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One document per Node: name, labels, capacity, allocatable, nodeInfo, addresses and taints.
 * Conditions and heartbeats are left out: they change every few seconds and would make every run's
 * document different.
 */
public final class K8sNodesCollector implements Collector {
    private final ClusterSession cluster;

    public K8sNodesCollector(ClusterSession cluster) {
        this.cluster = cluster;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.K8S_NODES;
    }

    @Override
    public ModuleFacts collect() {
        List<Node> nodes;
        try {
            nodes = cluster.read("the node list", c -> c.nodes().list().getItems());
        } catch (ClusterUnavailableException e) {
            return ModuleFacts.skipped(e.getMessage());
        }
        List<Fact> facts = new ArrayList<>();
        for (Node node : nodes) {
            facts.add(new Fact("kubernetes", describe(node)));
        }
        return ModuleFacts.of(facts);
    }

    static Map<String, Object> describe(Node node) {
        Values v = Values.create()
                .put("name", node.getMetadata().getName())
                .put("labels", node.getMetadata().getLabels() == null ? null : new TreeMap<>(node.getMetadata().getLabels()))
                .put("creation_timestamp", node.getMetadata().getCreationTimestamp());
        if (node.getSpec() != null) {
            v.put("pod_cidr", node.getSpec().getPodCIDR());
            v.put("provider_id", node.getSpec().getProviderID());
            v.put("unschedulable", node.getSpec().getUnschedulable());
            List<Taint> taints = node.getSpec().getTaints();
            if (taints != null && !taints.isEmpty()) {
                v.put("taints", taints.stream().map(t -> Values.create().put("key", t.getKey())
                        .put("value", t.getValue()).put("effect", t.getEffect()).toMap()).toList());
            }
        }
        if (node.getStatus() != null) {
            v.put("capacity", quantities(node.getStatus().getCapacity()));
            v.put("allocatable", quantities(node.getStatus().getAllocatable()));
            List<NodeAddress> addresses = node.getStatus().getAddresses();
            if (addresses != null) {
                v.put("addresses", addresses.stream().map(a -> Map.<String, Object>of("type", a.getType(),
                        "address", a.getAddress())).toList());
            }
            NodeSystemInfo info = node.getStatus().getNodeInfo();
            if (info != null) {
                v.put("node_info", Values.create()
                        .put("architecture", info.getArchitecture())
                        .put("boot_id", info.getBootID())
                        .put("container_runtime_version", info.getContainerRuntimeVersion())
                        .put("kernel_version", info.getKernelVersion())
                        .put("kube_proxy_version", info.getKubeProxyVersion())
                        .put("kubelet_version", info.getKubeletVersion())
                        .put("machine_id", info.getMachineID())
                        .put("operating_system", info.getOperatingSystem())
                        .put("os_image", info.getOsImage())
                        .put("system_uuid", info.getSystemUUID())
                        .toMap());
            }
        }
        return v.toMap();
    }

    private static Map<String, String> quantities(Map<String, Quantity> map) {
        if (map == null) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        map.forEach((k, q) -> out.put(k, q.toString()));
        return out;
    }
}
