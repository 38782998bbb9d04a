package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.agent.host.Fixtures;
import dev.backpack.agent.host.HostPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeNamesTest {

    @Test
    void kernelHostNameUnderTheHostRootComesFirst() {
        assertThat(NodeNames.resolve(Fixtures.baremetalSriov(), () -> "jvm-name")).isEqualTo("worker-0.perf.example.com");
    }

    @Test
    void fallsBackToTheJvmNameAndNeverAcceptsLocalhost(@TempDir Path root) throws IOException {
        assertThat(NodeNames.resolve(new HostPaths(root), () -> "jvm-name")).isEqualTo("jvm-name");
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("proc/sys/kernel/hostname"), "localhost\n");
        assertThatThrownBy(() -> NodeNames.resolve(new HostPaths(root), () -> "localhost.localdomain"))
                .isInstanceOf(BackpackException.class).hasMessageContaining("-n/--nodename");
    }
}
