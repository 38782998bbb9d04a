package dev.backpack.agent.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostPathsTest {
    @TempDir
    Path root;

    @Test
    void resolvesAbsoluteHostPathsUnderTheRoot() {
        HostPaths host = new HostPaths(root);
        assertThat(host.resolve("/proc/cpuinfo")).isEqualTo(root.resolve("proc/cpuinfo"));
        assertThat(host.resolve("/")).isEqualTo(root);
    }

    @Test
    void missingFilesAndDirectoriesAreEmptyNotErrors() {
        HostPaths host = new HostPaths(root);
        assertThat(host.read(host.resolve("/proc/nope"))).isEmpty();
        assertThat(host.list(host.resolve("/sys/nope"))).isEmpty();
        assertThat(host.readLong(host.resolve("/sys/nope"))).isEmpty();
        assertThat(host.linkName(host.resolve("/sys/nope"))).isEmpty();
    }

    @Test
    void smallReadsGrowPastTheirBufferAndAreEmptyForFoldersAndMissingFiles() throws IOException {
        HostPaths host = new HostPaths(root);
        String big = "x".repeat(10_000) + "é\n";
        Files.writeString(root.resolve("big"), big);
        Files.writeString(root.resolve("small"), "1\n");

        assertThat(host.readSmall(root.resolve("big"))).contains(big);
        assertThat(host.readSmall(root.resolve("small"))).contains("1\n");
        assertThat(host.readSmall(root)).isEmpty();
        assertThat(host.readSmall(root.resolve("nope"))).isEmpty();
    }

    @Test
    void readsNumbersListsSortedAndFollowsLinkNames() throws IOException {
        Files.createDirectories(root.resolve("sys/x"));
        Files.writeString(root.resolve("sys/x/mtu"), "9000\n");
        Files.writeString(root.resolve("sys/x/speed"), "-1\n");
        Files.writeString(root.resolve("sys/x/word"), "up\n");
        Files.createSymbolicLink(root.resolve("sys/x/driver"), Path.of("../../bus/pci/drivers/ice"));
        HostPaths host = new HostPaths(root);
        assertThat(host.readInt(host.resolve("/sys/x/mtu"))).contains(9000);
        assertThat(host.readLong(host.resolve("/sys/x/speed"))).contains(-1L);
        assertThat(host.readLong(host.resolve("/sys/x/word"))).isEmpty();
        assertThat(host.linkName(host.resolve("/sys/x/driver"))).contains("ice");
        assertThat(host.list(host.resolve("/sys/x"))).extracting(p -> p.getFileName().toString())
                .containsExactly("driver", "mtu", "speed", "word");
    }

    @Test
    void keyValueTextParsesAssignments() {
        assertThat(KeyValueText.parseAssignments(List.of("# comment", "NAME=\"Ubuntu\"", "ID=ubuntu", "X='y z'", "bad")))
                .isEqualTo(Map.of("NAME", "Ubuntu", "ID", "ubuntu", "X", "y z"));
    }
}
