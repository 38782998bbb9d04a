package dev.backpack.operator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorConfigTest {
    @Test
    void defaults() {
        OperatorConfig c = OperatorConfig.defaults();
        assertThat(c.watchesAllNamespaces()).isTrue();
        assertThat(c.agentImage()).isEqualTo("ghcr.io/backpack-dev/backpack-agent:latest");
        assertThat(c.redisEnabled()).isFalse();
        assertThat(c.redisPort()).isEqualTo(6379);
        assertThat(c.leaderElection()).isFalse();
        assertThat(c.daemonSetReadyTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.probePort()).isEqualTo(8081);
        assertThat(c.templateDirs()).isEmpty();
    }

    @Test
    void everyVariable() {
        OperatorConfig c = OperatorConfig.fromEnv(Map.of(
                "BACKPACK_WATCH_NAMESPACES", " bench-a, bench-b ,",
                "BACKPACK_AGENT_IMAGE", "example/agent:1",
                "BACKPACK_REDIS_HOST", "redis.backpack.svc",
                "BACKPACK_REDIS_PORT", "6380",
                "BACKPACK_TEMPLATE_DIR", "/etc/backpack/workloads,/opt/more",
                "BACKPACK_LEADER_ELECTION", "TRUE",
                "BACKPACK_LEASE_NAMESPACE", "backpack",
                "BACKPACK_DAEMONSET_READY_TIMEOUT", "90s",
                "BACKPACK_PROBE_PORT", "9090"));
        assertThat(c.watchNamespaces()).containsExactlyInAnyOrder("bench-a", "bench-b");
        assertThat(c.agentImage()).isEqualTo("example/agent:1");
        assertThat(c.redisHost()).isEqualTo("redis.backpack.svc");
        assertThat(c.redisPort()).isEqualTo(6380);
        assertThat(c.templateDirs()).containsExactly(Path.of("/etc/backpack/workloads"), Path.of("/opt/more"));
        assertThat(c.leaderElection()).isTrue();
        assertThat(c.leaseNamespace()).isEqualTo("backpack");
        assertThat(c.daemonSetReadyTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.probePort()).isEqualTo(9090);
    }

    @Test
    void durationsInBothSpellings() {
        assertThat(OperatorConfig.duration("X", "PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(OperatorConfig.duration("X", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(OperatorConfig.duration("X", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(OperatorConfig.duration("X", "500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void badValuesNameTheVariableAndTheFix() {
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("BACKPACK_DAEMONSET_READY_TIMEOUT", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("BACKPACK_DAEMONSET_READY_TIMEOUT=soon is not a duration; use e.g. 10m, 90s, 1h or ISO-8601 PT10M");
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("BACKPACK_PROBE_PORT", "70000")))
                .hasMessageContaining("BACKPACK_PROBE_PORT=70000");
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("BACKPACK_LEADER_ELECTION", "yes")))
                .hasMessageContaining("BACKPACK_LEADER_ELECTION=yes is not a boolean");
        assertThatThrownBy(() -> OperatorConfig.fromEnv(Map.of("BACKPACK_DAEMONSET_READY_TIMEOUT", "0s")))
                .hasMessageContaining("BACKPACK_DAEMONSET_READY_TIMEOUT=0s");
    }
}
