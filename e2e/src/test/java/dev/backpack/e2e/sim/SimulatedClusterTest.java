package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulator itself, with a stand-in agent: scheduling, downward API, termination messages, GC. */
@EnableKubernetesMockClient(crud = true)
class SimulatedClusterTest {
    static KubernetesClient client;

    @TempDir
    Path work;
    SimulatedCluster cluster;

    @BeforeEach
    void start() {
        // the stand-in agent writes its arguments as its termination message and fails when asked to
        AgentLauncher launcher = AgentLauncher.forScript("""
                for a in "$@"; do case "$a" in --termination-log=*) log="${a#--termination-log=}";; esac; done
                echo "args: $*" > "$log"
                case "$*" in *--fail*) exit 3;; esac
                exit 0""", work);
        cluster = SimulatedCluster.start(client, launcher, work, List.of(
                SimNode.worker("worker-a", Map.of("foo", "bar")),
                SimNode.worker("worker-b", Map.of("awesome", "sauce")),
                SimNode.worker("worker-c"),
                SimNode.controlPlane("master-0")));
    }

    @AfterEach
    void stop() {
        cluster.close();
        client.batch().v1().jobs().inAnyNamespace().delete();
        client.apps().daemonSets().inAnyNamespace().delete();
        client.pods().inAnyNamespace().delete();
        client.nodes().delete();
    }

    @Test
    void jobPodsRunInitContainerWithDownwardApiAndTerminationMessage() {
        client.batch().v1().jobs().inNamespace("ns").resource(job("ok", "")).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Job job = client.batch().v1().jobs().inNamespace("ns").withName("ok").get();
            assertThat(job.getStatus()).isNotNull();
            assertThat(job.getStatus().getSucceeded()).isEqualTo(2);
        });
        List<Pod> pods = client.pods().inNamespace("ns").withLabel("job-name", "ok").list().getItems();
        assertThat(pods).hasSize(2);
        assertThat(pods).extracting(p -> p.getSpec().getNodeName()).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("worker-"), "workers only: master-0 is tainted");
        for (Pod pod : pods) {
            ContainerStateTerminated t = pod.getStatus().getInitContainerStatuses().get(0).getState().getTerminated();
            assertThat(t.getExitCode()).isZero();
            assertThat(t.getMessage()).contains("-n=" + pod.getSpec().getNodeName()).contains("-N=" + pod.getMetadata().getName())
                    .contains("--host-root=" + work);
        }
    }

    @Test
    void failingInitContainerFailsThePodWithItsMessage() {
        client.batch().v1().jobs().inNamespace("ns").resource(job("bad", "--fail")).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Pod> pods = client.pods().inNamespace("ns").withLabel("job-name", "bad").list().getItems();
            assertThat(pods).hasSize(2).allSatisfy(p -> {
                assertThat(p.getStatus()).isNotNull();
                assertThat(p.getStatus().getPhase()).isEqualTo("Failed");
                ContainerStateTerminated t = p.getStatus().getInitContainerStatuses().get(0).getState().getTerminated();
                assertThat(t.getExitCode()).isEqualTo(3);
                assertThat(t.getMessage()).contains("--fail");
            });
        });
    }

    @Test
    void daemonSetRunsOnNodesMatchingAnyAffinityTermAndGcCleansUp() {
        PodTemplateSpec template = new PodTemplateSpecBuilder(podTemplate(""))
                .editSpec().withRestartPolicy("Always").withInitContainers().addNewContainer().withName("app").withImage("pause")
                .endContainer()
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("foo").withOperator("In").withValues("bar").endMatchExpression().endNodeSelectorTerm()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("awesome").withOperator("In").withValues("sauce").endMatchExpression().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                .endSpec().build();
        client.apps().daemonSets().inNamespace("ns").resource(new DaemonSetBuilder()
                .withNewMetadata().withName("agents").endMetadata()
                .withNewSpec().withTemplate(template).endSpec().build()).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var ds = client.apps().daemonSets().inNamespace("ns").withName("agents").get();
            assertThat(ds.getStatus()).isNotNull();
            assertThat(ds.getStatus().getDesiredNumberScheduled()).isEqualTo(2);
            assertThat(ds.getStatus().getNumberReady()).isEqualTo(2);
        });
        assertThat(client.pods().inNamespace("ns").list().getItems()).extracting(p -> p.getSpec().getNodeName())
                .containsExactlyInAnyOrder("worker-a", "worker-b");

        client.apps().daemonSets().inNamespace("ns").withName("agents").delete();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.pods().inNamespace("ns").list().getItems()).isEmpty());
    }

    private static Job job(String name, String extraArg) {
        return new JobBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withParallelism(2).withCompletions(2).withTemplate(podTemplate(extraArg)).endSpec().build();
    }

    private static PodTemplateSpec podTemplate(String extraArg) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata().addToLabels("app", "test").endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewInitContainer().withName("backpack").withImage("backpack")
                .withCommand("backpack")
                .withArgs("-n=$(my_node_name)", "-N=$(my_pod_name)", "--host-root=/host", "--termination-log=/dev/termination-log", extraArg)
                .addNewEnv().withName("my_node_name").withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName").endFieldRef().endValueFrom().endEnv()
                .addNewEnv().withName("my_pod_name").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().endEnv()
                .addNewVolumeMount().withName("proc").withMountPath("/host/proc").withReadOnly(true).endVolumeMount()
                .endInitContainer()
                .addNewContainer().withName("workload").withImage("quay.io/jtaleric/uperf:testing").endContainer()
                .addNewVolume().withName("proc").withNewHostPath().withPath("/proc").endHostPath().endVolume()
                .endSpec().build();
    }
}
