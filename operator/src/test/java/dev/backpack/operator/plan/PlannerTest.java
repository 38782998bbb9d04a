package dev.backpack.operator.plan;

import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.TestBenchmarks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.List;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {
    static final String UUID = "0f0e0d0c-1111-2222-3333-444455556666";
    final Planner planner = new Planner(OperatorConfig.defaults().withRedis("backpack-redis.backpack.svc", 6379));

    static PodSpec podSpec(Plan plan) {
        Job job = (Job) plan.workload().get(0);
        return job.getSpec().getTemplate().getSpec();
    }

    static Container backpack(PodSpec spec) {
        return spec.getInitContainers().stream().filter(c -> c.getName().equals("backpack")).findFirst().orElseThrow();
    }

    @Test
    void byowlRendersAJobWithClientsPods() throws Exception {
        Plan plan = planner.plan(TestBenchmarks.reference("enable-collection-with-es.yaml"), UUID);
        assertThat(plan.workload()).hasSize(1);
        Job job = (Job) plan.workload().get(0);
        assertThat(job.getMetadata().getName()).isEqualTo("byowl-0f0e0d0c");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("my-ripsaw");
        assertThat(job.getSpec().getParallelism()).isEqualTo(1);
        assertThat(job.getSpec().getCompletions()).isEqualTo(1);
        Container main = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(main.getImage()).isEqualTo("quay.io/jtaleric/uperf:testing");
        assertThat(main.getArgs()).containsExactly("echo Test");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry(BenchmarkLabels.BENCHMARK, "byowl-benchmark").containsEntry(BenchmarkLabels.UUID, UUID);
    }

    @Test
    void targetedInjectsTheInitContainerAsTheReferenceShows() throws Exception {
        Plan plan = planner.plan(TestBenchmarks.reference("enable-collection-with-es.yaml"), UUID);
        assertThat(plan.agents()).isEmpty();
        Container agent = backpack(podSpec(plan));
        assertThat(agent.getImage()).isEqualTo("ghcr.io/backpack-dev/backpack-agent:latest");
        assertThat(agent.getCommand()).containsExactly("backpack");
        assertThat(agent.getArgs()).containsExactly("-s=my.elastic.server.foo", "-p=9200", "-u=" + UUID,
                "-n=$(my_node_name)", "-N=$(my_pod_name)", "--redisip=backpack-redis.backpack.svc", "--redisport=6379",
                "--tags=common,k8s,openshift", "--host-root=/host", "--termination-log=/dev/termination-log");
        assertThat(agent.getEnv()).extracting(EnvVar::getName).containsExactly("my_node_name", "my_pod_name");
        assertThat(agent.getEnv().get(0).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
        assertThat(agent.getEnv().get(1).getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        assertThat(agent.getSecurityContext().getPrivileged()).isFalse();
        assertThat(agent.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(agent.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(agent.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(agent.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(agent.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(agent.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"))
                .as("the only writable mount").filteredOn(m -> !m.getReadOnly()).extracting(m -> m.getMountPath()).containsExactly("/tmp");
        assertThat(podSpec(plan).getVolumes()).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(agent.getVolumeMounts()).filteredOn(m -> m.getMountPath().startsWith("/host/")).allMatch(m -> m.getReadOnly())
                .extracting(m -> m.getMountPath()).containsExactly("/host/proc", "/host/sys", "/host/etc/os-release");
        assertThat(podSpec(plan).getVolumes()).filteredOn(v -> v.getHostPath() != null).extracting(v -> v.getHostPath().getPath())
                .containsExactly("/proc", "/sys", "/etc/os-release");
        assertThat(agent.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(agent.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(podSpec(plan).getServiceAccountName()).isNull();
    }

    @Test
    void credentialsInTheServerUrlMoveToTheBenchmarksSecret() throws Exception {
        for (boolean targeted : List.of(true, false)) {
            Plan plan = planner.plan(TestBenchmarks.parse("""
                    apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                    kind: Benchmark
                    metadata: {name: creds, namespace: my-ripsaw}
                    spec:
                      elasticsearch: {server: "https://writer:s3cr3t@es.example:9243"}
                      metadata: {collection: true, targeted: %s}
                      workload: {name: byowl, args: {image: img, commands: echo}}
                    """.formatted(targeted)), UUID);
            Secret secret = plan.credentials().orElseThrow();
            assertThat(secret.getMetadata().getName()).isEqualTo("creds-es-credentials");
            assertThat(secret.getMetadata().getNamespace()).isEqualTo("my-ripsaw");
            assertThat(secret.getData()).containsOnlyKeys("username", "password");
            assertThat(plan.all()).as("targeted=%s", targeted).allSatisfy(o ->
                    assertThat(new KubernetesSerialization().asYaml(o)).doesNotContain("s3cr3t").doesNotContain("writer"));
            assertThat(plan.all()).as("the agents refer to the Secret").anySatisfy(o ->
                    assertThat(new KubernetesSerialization().asYaml(o)).contains("-s=https://es.example:9243")
                            .contains("creds-es-credentials"));
        }
    }

    @Test
    void anEmptyLabelValueSelectsNodesWhoseLabelIsEmpty() throws Exception {
        Plan plan = planner.plan(TestBenchmarks.parse("""
                apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                kind: Benchmark
                metadata: {name: workers, namespace: my-ripsaw}
                spec:
                  elasticsearch: {server: es}
                  metadata:
                    collection: true
                    targeted: false
                    label: [[node-role.kubernetes.io/worker, ""]]
                  workload: {name: byowl, args: {image: img, commands: echo}}
                """), UUID);
        var expression = plan.agents().orElseThrow().getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0)
                .getMatchExpressions().get(0);
        assertThat(expression.getKey()).isEqualTo("node-role.kubernetes.io/worker");
        assertThat(expression.getOperator()).isEqualTo("In");
        assertThat(expression.getValues()).containsExactly("");
    }

    @Test
    void daemonSetModeRendersTheAgentsAndLeavesTheWorkloadAlone() throws Exception {
        Plan plan = planner.plan(TestBenchmarks.reference("daemonset-label.yaml"), UUID);
        assertThat(podSpec(plan).getInitContainers()).isNullOrEmpty();
        DaemonSet ds = plan.agents().orElseThrow();
        var terms = ds.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
        assertThat(terms).hasSize(2);
        assertThat(terms.get(0).getMatchExpressions().get(0).getKey()).isEqualTo("foo");
        assertThat(terms.get(0).getMatchExpressions().get(0).getValues()).containsExactly("bar");
        assertThat(terms.get(1).getMatchExpressions().get(0).getKey()).isEqualTo("awesome");
        Container agent = ds.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(agent.getArgs()).startsWith("serve").endsWith("--host-root=/host", "--termination-log=/dev/termination-log", "--listen=8080");
        assertThat(agent.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(agent.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(ds.getSpec().getTemplate().getSpec().getTolerations())
                .anyMatch(t -> t.getKey() == null && "Exists".equals(t.getOperator()) && "NoSchedule".equals(t.getEffect()));
    }

    @Test
    void fragmentsChangeTheCommandLine() throws Exception {
        assertThat(backpack(podSpec(planner.plan(TestBenchmarks.referenceFragment("options-force.yaml", "f"), UUID)))
                .getArgs()).contains("--force");
        assertThat(backpack(podSpec(planner.plan(TestBenchmarks.referenceFragment("options-tags.yaml", "t"), UUID)))
                .getArgs()).contains("--tags=memory,cpu");
        assertThat(backpack(podSpec(planner.plan(TestBenchmarks.referenceFragment("options-skip-tags.yaml", "s"), UUID)))
                .getArgs()).contains("--tags=common,k8s,openshift", "--skip-tags=memory,cpu");
        assertThat(backpack(podSpec(planner.plan(TestBenchmarks.referenceFragment("options-image.yaml", "i"), UUID)))
                .getImage()).isEqualTo("quay.io/myorg/custom-backpack:latest");
        var privileged = backpack(podSpec(planner.plan(TestBenchmarks.referenceFragment("options-privileged.yaml", "p"), UUID)))
                .getSecurityContext();
        assertThat(privileged.getPrivileged()).isTrue();
        assertThat(privileged.getRunAsUser()).as("SMBIOS tables are readable by root only").isZero();
        assertThat(podSpec(planner.plan(TestBenchmarks.referenceFragment("options-serviceaccount.yaml", "sa"), UUID))
                .getServiceAccountName()).isEqualTo("backpack-view");
    }

    @Test
    void collectionFalseInjectsNothing() throws Exception {
        Plan plan = planner.plan(TestBenchmarks.referenceFragment("collection-false.yaml", "off"), UUID);
        assertThat(podSpec(plan).getInitContainers()).isNullOrEmpty();
        assertThat(plan.agents()).isEmpty();
    }

    @Test
    void collectionWithoutServerNamesTheField() {
        assertThatThrownBy(() -> planner.plan(TestBenchmarks.reference("enable-collection.yaml"), UUID))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("spec.elasticsearch.server")
                .satisfies(e -> assertThat(((PlanException) e).reason()).isEqualTo(PlanException.Reason.INVALID));
    }

    @Test
    void missingArgIsATemplateErrorWithTheLine() {
        Benchmark b = TestBenchmarks.parse(TestBenchmarks.withFragment("metadata:\n  force: true\n", "x")
                .replace("image: \"quay.io/jtaleric/uperf:testing\"", "imag: nope"));
        assertThatThrownBy(() -> planner.plan(b, UUID)).isInstanceOf(PlanException.class)
                .hasMessageContaining("spec.workload.args.image is required")
                .hasMessageContaining("byowl/workload.yaml.ftl line");
    }

    @Test
    void unknownWorkloadListsTheAvailableOnes() {
        Benchmark b = TestBenchmarks.parse(TestBenchmarks.withFragment("metadata:\n  force: true\n", "x")
                .replace("name: byowl", "name: uperf"));
        assertThatThrownBy(() -> planner.plan(b, UUID)).isInstanceOf(PlanException.class)
                .hasMessageContaining("spec.workload.name: unknown workload 'uperf'; available: byowl");
    }


    @Test
    void credentialsComeFromTheSecretAndTheCaBundleIsMounted() throws Exception {
        Benchmark b = TestBenchmarks.parse(TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("    port: 9200\n", """
                            port: 9200
                            credentialsSecret: {name: es-creds, usernameKey: user}
                            caBundle: {configMapName: es-ca}
                        """));
        Container agent = backpack(podSpec(planner.plan(b, UUID)));
        assertThat(agent.getEnv()).extracting(EnvVar::getName)
                .containsExactly("my_node_name", "my_pod_name", "BACKPACK_ES_USERNAME", "BACKPACK_ES_PASSWORD");
        var user = agent.getEnv().get(2).getValueFrom().getSecretKeyRef();
        var pass = agent.getEnv().get(3).getValueFrom().getSecretKeyRef();
        assertThat(user.getName() + "/" + user.getKey()).isEqualTo("es-creds/user");
        assertThat(pass.getName() + "/" + pass.getKey()).isEqualTo("es-creds/password");
        assertThat(agent.getEnv()).allMatch(e -> e.getValue() == null);
        assertThat(agent.getArgs()).contains("--cacert=/etc/backpack/ca/ca.crt").doesNotContain("--insecure-skip-verify");
        assertThat(agent.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/etc/backpack/ca") && m.getReadOnly());
        PodSpec pod = podSpec(planner.plan(b, UUID));
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("backpack-ca");
            assertThat(v.getConfigMap().getName()).isEqualTo("es-ca");
        });
    }

    @Test
    void insecureSkipVerifyIsPassedOn() throws Exception {
        Benchmark b = TestBenchmarks.parse(TestBenchmarks.read("reference/enable-collection-with-es.yaml")
                .replace("    port: 9200\n", "    port: 9200\n    insecureSkipVerify: true\n"));
        assertThat(backpack(podSpec(planner.plan(b, UUID))).getArgs()).contains("--insecure-skip-verify");
    }

    @Test
    void noRedisMeansNoRedisFlags() throws Exception {
        Planner noRedis = new Planner(OperatorConfig.defaults());
        assertThat(backpack(podSpec(noRedis.plan(TestBenchmarks.reference("enable-collection-with-es.yaml"), UUID)))
                .getArgs()).noneMatch(a -> a.startsWith("--redis"));
    }

    @Test
    void injectionWorksOnEveryPodTemplateKind() throws Exception {
        var settings = new dev.backpack.operator.inject.AgentSettings(
                TestBenchmarks.reference("enable-collection-with-es.yaml").getSpec(), UUID, "img", "", 6379);
        List<HasMetadata> objects = new java.util.ArrayList<>(List.of(
                new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName("p").endMetadata()
                        .withNewSpec().addNewContainer().withName("c").endContainer().endSpec().build(),
                new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder().withNewMetadata().withName("d").endMetadata()
                        .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("c").endContainer()
                        .endSpec().endTemplate().endSpec().build(),
                new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata().withName("s").endMetadata()
                        .withNewSpec().withNewTemplate().withNewSpec().addNewInitContainer().withName("setup").endInitContainer()
                        .endSpec().endTemplate().endSpec().build(),
                new io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder().withNewMetadata().withName("cj").endMetadata()
                        .withNewSpec().withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec()
                        .addNewContainer().withName("c").endContainer().endSpec().endTemplate().endSpec()
                        .endJobTemplate().endSpec().build(),
                new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("cm").endMetadata().build()));
        dev.backpack.operator.inject.TargetedInjector.inject(objects, settings);
        var pods = dev.backpack.operator.inject.PodTemplates.in(objects);
        assertThat(pods).hasSize(4).allSatisfy(p -> assertThat(p.spec().getInitContainers().get(0).getName())
                .isEqualTo("backpack"));
        // the workload's own init containers still run, after collection
        assertThat(pods.get(2).spec().getInitContainers()).extracting(Container::getName).containsExactly("backpack", "setup");
        // injecting twice does not add a second agent
        dev.backpack.operator.inject.TargetedInjector.inject(objects, settings);
        assertThat(pods.get(0).spec().getInitContainers()).hasSize(1);
        assertThat(pods.get(0).spec().getVolumes()).hasSize(4);
    }

    @Test
    void injectionReachesPodTemplatesInsideCustomResources() throws Exception {
        List<HasMetadata> objects = new dev.backpack.operator.template.ManifestParser().parse("mpi", """
                apiVersion: kubeflow.org/v2beta1
                kind: MPIJob
                metadata:
                  name: mpi
                spec:
                  mpiReplicaSpecs:
                    Launcher:
                      replicas: 1
                      template:
                        spec:
                          containers: [{name: launcher, image: mpi}]
                    Worker:
                      replicas: 2
                      template:
                        metadata: {labels: {role: worker}}
                        spec:
                          containers: [{name: worker, image: mpi}]
                """);
        assertThat(objects.get(0)).isInstanceOf(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
        var settings = new dev.backpack.operator.inject.AgentSettings(
                TestBenchmarks.reference("enable-collection-with-es.yaml").getSpec(), UUID, "img", "", 6379);
        BenchmarkLabels.apply(objects, "mpi-bench", UUID);
        dev.backpack.operator.inject.TargetedInjector.inject(objects, settings);
        var mpi = (io.fabric8.kubernetes.api.model.GenericKubernetesResource) objects.get(0);
        for (String role : List.of("Launcher", "Worker")) {
            Object template = mpi.get("spec", "mpiReplicaSpecs", role, "template");
            var typed = new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                    .convertValue(template, io.fabric8.kubernetes.api.model.PodTemplateSpec.class);
            assertThat(typed.getSpec().getInitContainers()).extracting(Container::getName).containsExactly("backpack");
            assertThat(typed.getSpec().getVolumes()).hasSize(4);
            assertThat(typed.getMetadata().getLabels()).containsEntry(BenchmarkLabels.BENCHMARK, "mpi-bench");
        }
        assertThat((Object) mpi.get("spec", "mpiReplicaSpecs", "Worker", "replicas")).isEqualTo(2);
    }
}
