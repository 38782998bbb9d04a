package dev.backpack.agent.collector.k8s;

import dev.backpack.agent.collector.ModuleFacts;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes collectors against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class K8sCollectorsTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void version() {
        server.setVersionInfo(new VersionInfo.Builder()
                .withMajor("1").withMinor("29").withGitVersion("v1.29.4").withPlatform("linux/amd64")
                .withGoVersion("go1.21.9").build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneDocumentPerNode() {
        client.nodes().resource(TestNodes.node("worker-0", "10.0.0.10")).create();
        client.nodes().resource(TestNodes.node("worker-1", "10.0.0.11")).create();

        try (ClusterSession session = new ClusterSession(KubernetesAccess.shared(client))) {
            ModuleFacts facts = new K8sNodesCollector(session).collect();
            assertThat(facts.facts()).hasSize(2);
            Map<String, Object> first = (Map<String, Object>) facts.facts().get(0).value();
            assertThat(first).containsEntry("name", "worker-0")
                    .containsEntry("labels", Map.of("node-role.kubernetes.io/worker", ""))
                    .containsEntry("capacity", Map.of("cpu", "64", "memory", "256Gi"))
                    .containsEntry("addresses", List.of(Map.of("type", "InternalIP", "address", "10.0.0.10")));
            assertThat((Map<String, Object>) first.get("node_info")).containsEntry("kubelet_version", "v1.29.4")
                    .containsEntry("os_image", "Red Hat Enterprise Linux CoreOS");
            assertThat(first).doesNotContainKey("conditions");
        }
    }

    @Test
    void clusterInfoIsTheServerVersion() {
        try (ClusterSession session = new ClusterSession(KubernetesAccess.shared(client))) {
            ModuleFacts facts = new K8sClusterInfoCollector(session).collect();
            assertThat(facts.facts().get(0).value()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("git_version", "v1.29.4")
                    .containsEntry("minor", "29").containsEntry("platform", "linux/amd64");
        }
    }

    @Test
    void noClusterConfiguredIsASkipWithTheReason(@TempDir Path home) {
        KubeconfigAccess access = new KubeconfigAccess(Map.of(), home, Duration.ofSeconds(1));
        try (ClusterSession session = new ClusterSession(access)) {
            ModuleFacts nodes = new K8sNodesCollector(session).collect();
            ModuleFacts info = new K8sClusterInfoCollector(session).collect();
            assertThat(nodes.isSkipped()).isTrue();
            assertThat(nodes.skipReason()).startsWith("no cluster configured");
            assertThat(info.skipReason()).isEqualTo(nodes.skipReason());
        }
    }

    @Test
    void unreachableClusterIsASkipAndAskedOnlyOnce(@TempDir Path home) throws IOException {
        Path kubeconfig = home.resolve("config");
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: gone
                  cluster:
                    server: https://127.0.0.1:1
                contexts:
                - name: gone
                  context:
                    cluster: gone
                    user: gone
                current-context: gone
                users:
                - name: gone
                  user:
                    token: not-a-secret
                """);
        int[] opened = {0};
        KubeconfigAccess real = new KubeconfigAccess(Map.of("KUBECONFIG", kubeconfig.toString()), null, Duration.ofSeconds(2));
        KubernetesAccess counting = () -> {
            opened[0]++;
            return real.open();
        };
        try (ClusterSession session = new ClusterSession(counting)) {
            ModuleFacts nodes = new K8sNodesCollector(session).collect();
            ModuleFacts info = new K8sClusterInfoCollector(session).collect();
            assertThat(nodes.skipReason()).startsWith("cluster at https://127.0.0.1:1/ is unreachable");
            assertThat(info.isSkipped()).isTrue();
        }
        assertThat(opened[0]).isEqualTo(1);
    }
}
