package dev.backpack.operator.reconciler;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.TestBenchmarks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every example CR of the reference document, applied through the running operator. */
class ReferenceExamplesApplyTest {
    static final String REDIS = "backpack-redis.backpack.svc";
    static OperatorHarness k8s;

    @BeforeAll
    static void start() {
        k8s = new OperatorHarness();
        k8s.start(OperatorConfig.defaults().withRedis(REDIS, 6379).withAgentImage("registry.example/backpack:1.0"));
    }

    @AfterAll
    static void stop() {
        k8s.close();
    }

    /** Creates the CR in its own namespace and returns the workload Job the operator created. */
    static Job apply(Benchmark benchmark, String namespace) {
        benchmark.getMetadata().setNamespace(namespace);
        k8s.client.resource(benchmark).create();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !k8s.client.batch().v1().jobs().inNamespace(namespace).list().getItems().isEmpty());
        return k8s.client.batch().v1().jobs().inNamespace(namespace).list().getItems().get(0);
    }

    static Container agent(Job job) {
        return job.getSpec().getTemplate().getSpec().getInitContainers().stream()
                .filter(c -> c.getName().equals("backpack")).findFirst().orElseThrow();
    }

    static String uuid(String namespace, String name) {
        return k8s.status(namespace, name).getUuid();
    }

    @Test
    void enableCollectionWithElasticsearch() {
        Job job = apply(TestBenchmarks.reference("enable-collection-with-es.yaml"), "ref-es");
        String uuid = uuid("ref-es", "byowl-benchmark");
        Container agent = agent(job);
        assertThat(agent.getImage()).isEqualTo("registry.example/backpack:1.0");
        assertThat(agent.getCommand()).containsExactly("backpack");
        assertThat(agent.getArgs()).containsExactly("-s=my.elastic.server.foo", "-p=9200", "-u=" + uuid,
                "-n=$(my_node_name)", "-N=$(my_pod_name)", "--redisip=" + REDIS, "--redisport=6379",
                "--tags=common,k8s,openshift", "--host-root=/host", "--termination-log=/dev/termination-log");
        assertThat(agent.getEnv()).extracting(EnvVar::getName).containsExactly("my_node_name", "my_pod_name");
        assertThat(agent.getSecurityContext().getPrivileged()).isFalse();
        assertThat(agent.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getReadOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/host/proc", true),
                        org.assertj.core.groups.Tuple.tuple("/host/sys", true),
                        org.assertj.core.groups.Tuple.tuple("/host/etc/os-release", true));
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).extracting(v -> v.getHostPath().getPath())
                .containsExactly("/proc", "/sys", "/etc/os-release");
        assertThat(pod.getServiceAccountName()).isNull();
        assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("Benchmark");
            assertThat(o.getName()).isEqualTo("byowl-benchmark");
            assertThat(o.getUid()).isEqualTo(k8s.get("ref-es", "byowl-benchmark").getMetadata().getUid());
            assertThat(o.getController()).isTrue();
            assertThat(o.getBlockOwnerDeletion()).isNotEqualTo(Boolean.TRUE);
        });
    }

    @Test
    void optionFragments() {
        assertThat(agent(apply(TestBenchmarks.referenceFragment("options-force.yaml", "force"), "ref-force"))
                .getArgs()).contains("--force");
        assertThat(agent(apply(TestBenchmarks.referenceFragment("options-tags.yaml", "tags"), "ref-tags"))
                .getArgs()).contains("--tags=memory,cpu").noneMatch(a -> a.startsWith("--skip-tags"));
        assertThat(agent(apply(TestBenchmarks.referenceFragment("options-skip-tags.yaml", "skip"), "ref-skip"))
                .getArgs()).contains("--tags=common,k8s,openshift", "--skip-tags=memory,cpu");
        assertThat(agent(apply(TestBenchmarks.referenceFragment("options-image.yaml", "image"), "ref-image"))
                .getImage()).isEqualTo("quay.io/myorg/custom-backpack:latest");
        assertThat(agent(apply(TestBenchmarks.referenceFragment("options-privileged.yaml", "priv"), "ref-priv"))
                .getSecurityContext().getPrivileged()).isTrue();
        Job sa = apply(TestBenchmarks.referenceFragment("options-serviceaccount.yaml", "sa"), "ref-sa");
        assertThat(sa.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("backpack-view");
        assertThat(agent(sa).getArgs()).doesNotContain("--force");
    }

    @Test
    void collectionFalseInjectsNothingAndSaysNotCollected() {
        Job job = apply(TestBenchmarks.referenceFragment("collection-false.yaml", "off"), "ref-off");
        assertThat(job.getSpec().getTemplate().getSpec().getInitContainers()).isNullOrEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status("ref-off", "off");
            assertThat(status.getMetadata()).isEqualTo("not collected");
            assertThat(status.getState()).isEqualTo("Running");
        });
    }

    @Test
    void daemonSetWithLabelsWaitsForAgentsBeforeTheWorkload() {
        Benchmark benchmark = TestBenchmarks.reference("daemonset-label.yaml");
        benchmark.getMetadata().setNamespace("ref-ds");
        k8s.client.resource(benchmark).create();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                k8s.client.apps().daemonSets().inNamespace("ref-ds").withName("backpack-byowl-benchmark").get() != null);
        DaemonSet ds = k8s.client.apps().daemonSets().inNamespace("ref-ds").withName("backpack-byowl-benchmark").get();
        var spec = ds.getSpec().getTemplate().getSpec();
        var terms = spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms();
        assertThat(terms).extracting(t -> t.getMatchExpressions().get(0).getKey() + " "
                        + t.getMatchExpressions().get(0).getOperator() + " " + t.getMatchExpressions().get(0).getValues())
                .containsExactly("foo In [bar]", "awesome In [sauce]");
        assertThat(spec.getTolerations()).anyMatch(t -> "node-role.kubernetes.io/control-plane".equals(t.getKey()))
                .anyMatch(t -> t.getKey() == null && "Exists".equals(t.getOperator()) && "NoSchedule".equals(t.getEffect()));
        Container agent = spec.getContainers().get(0);
        assertThat(agent.getArgs()).first().isEqualTo("serve");
        assertThat(agent.getArgs()).contains("-s=my.elastic.server.foo", "-p=9200", "--redisip=" + REDIS,
                "--host-root=/host", "--termination-log=/dev/termination-log", "--listen=8080");
        assertThat(agent.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(agent.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
        assertThat(agent.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(agent.getVolumeMounts()).extracting(VolumeMount::getMountPath)
                .containsExactly("/host/proc", "/host/sys", "/host/etc/os-release");
        assertThat(ds.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
            assertThat(o.getKind()).isEqualTo("Benchmark");
            // no blockOwnerDeletion: the operator needs no benchmarks/finalizers permission (RBAC.md)
            assertThat(o.getBlockOwnerDeletion()).isNotEqualTo(Boolean.TRUE);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var status = k8s.status("ref-ds", "byowl-benchmark");
            assertThat(status.getState()).isEqualTo("Building");
            assertThat(status.getMetadata()).isEqualTo("Collecting");
        });
        assertThat(k8s.client.batch().v1().jobs().inNamespace("ref-ds").list().getItems()).isEmpty();
    }

}
