package dev.backpack.operator.status;

import dev.backpack.model.v1alpha1.BenchmarkStatus;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusFactoryTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Pod pod(String name, Integer exitCode, boolean restarting) {
        var status = new ContainerStatusBuilder().withName("backpack");
        if (exitCode != null && restarting) {
            status.withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                    .withNewLastState().withNewTerminated().withExitCode(exitCode).withMessage("boom").endTerminated()
                    .endLastState();
        } else if (exitCode != null) {
            status.withNewState().withNewTerminated().withExitCode(exitCode).endTerminated().endState();
        }
        return new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName("node-" + name).withInitContainers(new ContainerBuilder().withName("backpack").build())
                .endSpec().withNewStatus().withInitContainerStatuses(status.build()).endStatus().build();
    }

    @Test
    void targetedNeedsEveryPodDone() {
        assertThat(TargetedProgress.of(List.of()).state()).isEqualTo("Collecting");
        assertThat(TargetedProgress.of(List.of(pod("a", 0, false), pod("b", null, false))).state()).isEqualTo("Collecting");
        assertThat(TargetedProgress.of(List.of(pod("a", 0, false), pod("b", 0, false))).state()).isEqualTo("Complete");
        TargetedProgress failed = TargetedProgress.of(List.of(pod("a", 0, false), pod("b", 3, true)));
        assertThat(failed.state()).isEqualTo("Failed");
        assertThat(failed.message()).contains("node node-b", "pod b", "exit 3", "boom");
    }

    @Test
    void transitionTimeIsKeptWhileTheConditionHolds() {
        Observation collecting = new Observation(CollectionMode.TARGETED, true, null, false, Duration.ZERO,
                TargetedProgress.of(List.of()), WorkloadProgress.of(List.of()));
        BenchmarkStatus first = StatusFactory.progress("u", 1, collecting, null, T0);
        BenchmarkStatus again = StatusFactory.progress("u", 1, collecting, first.getConditions(), T0.plusSeconds(60));
        assertThat(again).isEqualTo(first);
        Observation done = new Observation(CollectionMode.TARGETED, true, null, false, Duration.ZERO,
                TargetedProgress.of(List.of(pod("a", 0, false))), WorkloadProgress.of(List.of()));
        BenchmarkStatus later = StatusFactory.progress("u", 1, done, first.getConditions(), T0.plusSeconds(60));
        assertThat(later.getMetadata()).isEqualTo("Complete");
        assertThat(later.getConditions()).filteredOn(c -> c.getType().equals("MetadataCollected"))
                .singleElement().satisfies(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:01:00Z"));
        assertThat(later.getConditions()).filteredOn(c -> c.getType().equals("Validated"))
                .singleElement().satisfies(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z"));
        assertThat(later.getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void daemonSetWithNoMatchingNodeSaysSo() {
        var ds = new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder().withNewStatus()
                .withDesiredNumberScheduled(0).withNumberReady(0).endStatus().build();
        AgentReadiness readiness = AgentReadiness.of(java.util.Optional.of(ds), List.of());
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.notReady()).contains("no node matches", "spec.metadata.label");
    }

    @Test
    void collectingSaysWhyAnAgentHasNotStarted() {
        Pod pulling = pod("a", null, false);
        pulling.getStatus().getInitContainerStatuses().get(0).setState(new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
                .withNewWaiting().withReason("ImagePullBackOff").endWaiting().build());
        Pod pending = new PodBuilder(pod("b", null, false)).editStatus().withInitContainerStatuses()
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable").endCondition()
                .endStatus().build();
        TargetedProgress p = TargetedProgress.of(List.of(pulling, pending));
        assertThat(p.state()).isEqualTo("Collecting");
        assertThat(p.message()).isEqualTo("collecting: 0 of 2 pods done; waiting: pod a: ImagePullBackOff; pod b: Unschedulable");
    }
}
