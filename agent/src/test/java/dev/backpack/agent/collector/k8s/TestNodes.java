package dev.backpack.agent.collector.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/** A realistic worker Node for the mock API server. */
public final class TestNodes {
    private TestNodes() {
    }

    public static Node node(String name, String ip) {
        return new NodeBuilder()
                .withNewMetadata().withName(name).addToLabels("node-role.kubernetes.io/worker", "").endMetadata()
                .withNewStatus()
                .addToCapacity("cpu", new Quantity("64")).addToCapacity("memory", new Quantity("256Gi"))
                .addToAllocatable("cpu", new Quantity("63500m"))
                .addNewAddress().withType("InternalIP").withAddress(ip).endAddress()
                .withNewNodeInfo().withKubeletVersion("v1.29.4").withOsImage("Red Hat Enterprise Linux CoreOS")
                .withArchitecture("amd64").endNodeInfo()
                .addNewCondition().withType("Ready").withStatus("True").withLastHeartbeatTime("2026-01-01T00:00:00Z").endCondition()
                .endStatus()
                .build();
    }
}
