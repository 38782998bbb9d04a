package dev.backpack.agent.collector.openshift;

import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.k8s.ClusterSession;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.contract.MetadataModule;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenShift modules against the mock API server: skipped on plain Kubernetes, documents on OpenShift. */
@EnableKubernetesMockClient(crud = true)
class OpenShiftCollectorsTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void version() {
        server.setVersionInfo(new VersionInfo.Builder()
                .withMajor("1").withMinor("27").withGitVersion("v1.27.16+03a907c").build());
    }

    @Test
    void plainKubernetesSkipsEveryOpenShiftModule() {
        server.expect().get().withPath("/apis").andReturn(200, new APIGroupListBuilder()
                .addToGroups(group("apps")).build()).always();
        try (ClusterSession session = new ClusterSession(KubernetesAccess.shared(client))) {
            for (MetadataModule module : List.of(MetadataModule.OCP_CLUSTER_VERSION, MetadataModule.OCP_NETWORK,
                    MetadataModule.OCP_KUBE_APISERVER)) {
                ModuleFacts facts = new OpenShiftConfigCollector(module, session).collect();
                assertThat(facts.skipReason()).as(module.moduleName()).startsWith("not OpenShift (API group");
            }
            assertThat(new InstallConfigCollector(session).collect().skipReason()).startsWith("not OpenShift");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void openShiftConfigResourcesBecomeDocuments() {
        openShiftApis();
        OpenShiftResource network = OpenShiftResource.NETWORK;
        client.genericKubernetesResources(network.context()).resource(resource("config.openshift.io/v1", "Network",
                Map.of("networkType", "OVNKubernetes", "clusterNetwork", List.of(Map.of("cidr", "10.128.0.0/14"))))).create();
        try (ClusterSession session = new ClusterSession(KubernetesAccess.shared(client))) {
            ModuleFacts facts = new OpenShiftConfigCollector(MetadataModule.OCP_NETWORK, session).collect();
            assertThat(facts.facts()).hasSize(1);
            Map<String, Object> v = (Map<String, Object>) facts.facts().get(0).value();
            assertThat(v).containsEntry("kind", "Network").containsEntry("name", "cluster");
            assertThat((Map<String, Object>) v.get("spec")).containsEntry("networkType", "OVNKubernetes");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void installConfigIsReadWithThePullSecretRedacted() {
        openShiftApis();
        client.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("cluster-config-v1").withNamespace("kube-system").endMetadata()
                .addToData("install-config", """
                        apiVersion: v1
                        baseDomain: perf.example.com
                        metadata:
                          name: perf
                        networking:
                          networkType: OVNKubernetes
                        platform:
                          baremetal:
                            hosts:
                            - name: worker-0
                              bmc:
                                password: hunter2
                        pullSecret: '{"auths":{"quay.io":{"auth":"c2VjcmV0"}}}'
                        sshKey: ssh-ed25519 AAAA
                        """).build()).create();
        try (ClusterSession session = new ClusterSession(KubernetesAccess.shared(client))) {
            ModuleFacts facts = new InstallConfigCollector(session).collect();
            Map<String, Object> v = (Map<String, Object>) facts.facts().get(0).value();
            assertThat(v).containsEntry("baseDomain", "perf.example.com").containsEntry("pullSecret", "<redacted>");
            assertThat(v.toString()).doesNotContain("hunter2", "c2VjcmV0");
        }
    }

    private void openShiftApis() {
        server.expect().get().withPath("/apis").andReturn(200, new APIGroupListBuilder()
                .addToGroups(group("config.openshift.io"), group("operator.openshift.io")).build()).always();
    }

    private static io.fabric8.kubernetes.api.model.APIGroup group(String name) {
        return new APIGroupBuilder().withName(name).addNewVersion().withGroupVersion(name + "/v1").withVersion("v1")
                .endVersion().build();
    }

    private static GenericKubernetesResource resource(String apiVersion, String kind, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(apiVersion).withKind(kind)
                .withNewMetadata().withName("cluster").endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }
}
