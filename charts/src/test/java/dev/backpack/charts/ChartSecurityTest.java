package dev.backpack.charts;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pod the chart runs is non-root, read-only, capability-free and seccomp-confined, in every scenario. */
class ChartSecurityTest {

    static Stream<String> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPodIsLockedDown(String scenario) {
        Rendered r = Scenarios.render(Chart.underTest(), scenario);

        assertThat(r.all(Deployment.class)).isNotEmpty().allSatisfy(deployment -> {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            assertThat(podContext.getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(podContext.getRunAsUser()).as(name + " numeric non-root uid").isPositive();
            assertThat(podContext.getSeccompProfile().getType()).as(name + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(pod.getHostNetwork()).as(name + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).as(name + " hostPID").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getVolumes()).as(name + " no hostPath").noneMatch(v -> v.getHostPath() != null);
            for (Container container : pod.getContainers()) {
                String where = name + "/" + container.getName();
                SecurityContext c = container.getSecurityContext();
                assertThat(c.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(c.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(c.getPrivileged()).as(where + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(c.getCapabilities().getDrop()).as(where + " drops").containsExactly("ALL");
                assertThat(c.getCapabilities().getAdd()).as(where + " adds").isNullOrEmpty();
                assertThat(container.getResources().getLimits()).as(where + " memory limit").containsKey("memory");
                assertThat(container.getImage()).as(where + " image has a tag").matches(".+:[^/]+$");
            }
        });
    }
}
