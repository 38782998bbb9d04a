package dev.backpack.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code helm template} over a matrix of values; each case checks what that value is for. */
class ChartMatrixTest {
    private static final String OPERATOR = "bp-backpack-operator";
    private static final String REDIS = "bp-backpack-redis";
    private final Chart chart = Chart.underTest();

    @Test
    void defaultsInstallEverythingWithAClusterWideOperator() {
        Rendered r = chart.renderDefaults();

        assertThat(r.operatorEnv()).contains(
                entry("BACKPACK_WATCH_NAMESPACES", ""),
                entry("BACKPACK_AGENT_IMAGE", "ghcr.io/backpack-dev/backpack-agent:0.1.0"),
                entry("BACKPACK_REDIS_HOST", REDIS + ".backpack.svc"),
                entry("BACKPACK_REDIS_PORT", "6379"),
                entry("BACKPACK_LEADER_ELECTION", "false"),
                entry("BACKPACK_DAEMONSET_READY_TIMEOUT", "10m"),
                entry("BACKPACK_PROBE_PORT", "8081"));
        assertThat(r.operatorEnv()).doesNotContainKeys("BACKPACK_LEASE_NAMESPACE", "BACKPACK_TEMPLATE_DIR");
        assertThat(r.operator().getSpec().getReplicas()).isEqualTo(1);
        assertThat(r.operator().getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(OPERATOR);

        assertThat(r.find(ClusterRole.class, null, OPERATOR)).isPresent();
        assertThat(r.get(ClusterRoleBinding.class, null, OPERATOR).getSubjects())
                .extracting(Subject::getName, Subject::getNamespace).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OPERATOR, Chart.NAMESPACE));
        assertThat(r.all(Role.class)).extracting(role -> role.getMetadata().getName())
                .doesNotContain(OPERATOR + "-leader-election");

        Deployment redis = r.get(Deployment.class, Chart.NAMESPACE, REDIS);
        assertThat(redis.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("docker.io/library/redis:7.4-alpine");
        Service service = r.get(Service.class, Chart.NAMESPACE, REDIS);
        assertThat(service.getSpec().getSelector()).isEqualTo(redis.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(6379);

        assertThat(r.all(ServiceAccount.class)).extracting(sa -> sa.getMetadata().getNamespace() + "/" + sa.getMetadata().getName())
                .containsExactlyInAnyOrder("backpack/" + OPERATOR, "backpack/backpack-agent");
    }

    @Test
    void operatorProbesAreOnThe8081HealthEndpoints() {
        Container operator = chart.renderDefaults().operator().getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(operator.getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8081));
        assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(operator.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("probes");
    }

    @Test
    void externalRedisReplacesTheDeployedOne() {
        Rendered r = chart.render(TestResources.path("values/external-redis.yaml"));

        assertThat(r.operatorEnv()).contains(entry("BACKPACK_REDIS_HOST", "redis.infra.svc"),
                entry("BACKPACK_REDIS_PORT", "6380"));
        assertThat(r.find(Deployment.class, Chart.NAMESPACE, REDIS)).isEmpty();
        assertThat(r.find(Service.class, Chart.NAMESPACE, REDIS)).isEmpty();
    }

    @Test
    void withoutRedisTheOperatorGetsNoHost() {
        Rendered r = chart.render(TestResources.path("values/no-redis.yaml"));

        assertThat(r.operatorEnv()).containsEntry("BACKPACK_REDIS_HOST", "");
        assertThat(r.find(Deployment.class, Chart.NAMESPACE, REDIS)).isEmpty();
    }

    @Test
    void watchedNamespacesGetRolesAndTheAgentServiceAccount() {
        Rendered r = chart.render(TestResources.path("values/multi-namespace.yaml"));

        assertThat(r.operatorEnv()).containsEntry("BACKPACK_WATCH_NAMESPACES", "team-a,team-b");
        assertThat(r.find(ClusterRole.class, null, OPERATOR)).as("no cluster-wide operator role").isEmpty();
        assertThat(r.find(ClusterRoleBinding.class, null, OPERATOR)).isEmpty();
        for (String ns : List.of("team-a", "team-b")) {
            Role role = r.get(Role.class, ns, OPERATOR);
            assertThat(RbacRules.allows(role.getRules(), "ripsaw.cloudbulldozer.io", "benchmarks", "watch")).isTrue();
            RoleBinding binding = r.get(RoleBinding.class, ns, OPERATOR);
            assertThat(binding.getRoleRef().getName()).isEqualTo(OPERATOR);
            assertThat(binding.getSubjects()).singleElement()
                    .satisfies(s -> assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE));
            assertThat(r.find(ServiceAccount.class, ns, "backpack-agent")).as("agent SA in " + ns).isPresent();
        }
        assertThat(r.find(ServiceAccount.class, Chart.NAMESPACE, "backpack-agent"))
                .as("the release namespace is not watched, so no agent SA there").isEmpty();
        assertThat(r.get(ClusterRoleBinding.class, null, "bp-backpack-agent").getSubjects())
                .extracting(Subject::getNamespace).containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(r.get(RoleBinding.class, "kube-system", "bp-backpack-agent-install-config").getSubjects())
                .extracting(Subject::getNamespace).containsExactlyInAnyOrder("team-a", "team-b");
    }

    @Test
    void watchingAllNamespacesPutsTheAgentAccountWhereAsked() {
        Rendered r = chart.render(TestResources.path("values/agent-namespaces.yaml"));

        assertThat(r.operatorEnv()).containsEntry("BACKPACK_WATCH_NAMESPACES", "");
        assertThat(r.find(ClusterRole.class, null, OPERATOR)).isPresent();
        assertThat(r.all(ServiceAccount.class)).filteredOn(sa -> sa.getMetadata().getName().equals("backpack-agent"))
                .extracting(sa -> sa.getMetadata().getNamespace()).containsExactlyInAnyOrder("team-x", "team-y");
        assertThat(r.get(ClusterRoleBinding.class, null, "bp-backpack-agent").getSubjects())
                .extracting(Subject::getNamespace).containsExactlyInAnyOrder("team-x", "team-y");
    }

    @Test
    void agentAccountAndRolesCanBeLeftOut() {
        Rendered r = chart.render(null);
        Rendered without = chart.renderWith("agent.rbac.create", "false");

        assertThat(r.find(ClusterRole.class, null, "bp-backpack-agent")).isPresent();
        assertThat(without.find(ClusterRole.class, null, "bp-backpack-agent")).isEmpty();
        assertThat(without.find(Role.class, "kube-system", "bp-backpack-agent-install-config")).isEmpty();
        assertThat(without.find(ServiceAccount.class, Chart.NAMESPACE, "backpack-agent")).as("the account stays").isPresent();
    }

    @Test
    void pullSecretsReachTheChartsPodsAndTheAgentAccount() {
        Rendered r = chart.render(TestResources.path("values/pull-secrets.yaml"));

        for (Deployment deployment : r.all(Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets())
                    .as(deployment.getMetadata().getName()).extracting(s -> s.getName()).containsExactly("internal-registry");
        }
        assertThat(r.get(ServiceAccount.class, Chart.NAMESPACE, "backpack-agent").getImagePullSecrets())
                .extracting(s -> s.getName()).containsExactly("agent-registry");
    }

    @Test
    void customAgentImageIsPassedToTheOperator() {
        Rendered r = chart.render(TestResources.path("values/custom-agent-image.yaml"));

        assertThat(r.operatorEnv()).containsEntry("BACKPACK_AGENT_IMAGE", "quay.io/myorg/custom-backpack:1.2.3");
        assertThat(r.operator().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .as("the operator image is unaffected").isEqualTo("ghcr.io/backpack-dev/backpack-operator:0.1.0");
    }

    @Test
    void twoReplicasTurnLeaderElectionOnWithALeaseRole() {
        Rendered r = chart.render(TestResources.path("values/leader-election.yaml"));

        assertThat(r.operator().getSpec().getReplicas()).isEqualTo(2);
        assertThat(r.operatorEnv()).contains(entry("BACKPACK_LEADER_ELECTION", "true"),
                entry("BACKPACK_LEASE_NAMESPACE", Chart.NAMESPACE));
        Role lease = r.get(Role.class, Chart.NAMESPACE, OPERATOR + "-leader-election");
        assertThat(RbacRules.grants(lease.getRules())).containsExactlyInAnyOrder(
                "coordination.k8s.io/leases:get", "coordination.k8s.io/leases:create", "coordination.k8s.io/leases:update");
        assertThat(r.get(RoleBinding.class, Chart.NAMESPACE, OPERATOR + "-leader-election").getSubjects())
                .singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo(OPERATOR));
    }

    @Test
    void workloadTemplatesAreMountedPerWorkloadDirectory() {
        Rendered r = chart.render(TestResources.path("values/workload-templates.yaml"));

        assertThat(r.operatorEnv()).containsEntry("BACKPACK_TEMPLATE_DIR", "/etc/backpack/templates");
        ConfigMap templates = r.get(ConfigMap.class, Chart.NAMESPACE, "bp-backpack-workload-templates");
        assertThat(templates.getData()).containsOnlyKeys("sleeper.workload.yaml.ftl");
        assertThat(templates.getData().get("sleeper.workload.yaml.ftl")).contains("name: sleeper-${shortUuid}");

        PodSpec pod = r.operator().getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).filteredOn(v -> v.getConfigMap() != null).singleElement().satisfies(v -> {
            assertThat(v.getConfigMap().getName()).isEqualTo("bp-backpack-workload-templates");
            assertThat(v.getConfigMap().getItems()).singleElement().satisfies(item -> {
                assertThat(item.getKey()).isEqualTo("sleeper.workload.yaml.ftl");
                assertThat(item.getPath()).isEqualTo("sleeper/workload.yaml.ftl");
            });
        });
        assertThat(pod.getContainers().get(0).getVolumeMounts())
                .filteredOn(m -> "/etc/backpack/templates".equals(m.getMountPath())).singleElement()
                .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
        assertThat(r.operator().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("checksum/workload-templates");
    }
}
