package dev.backpack.agent.collector.packages;

import dev.backpack.agent.collector.FakeCommands;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import dev.backpack.agent.host.HostPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PackagesCollectorTest {

    @Test
    void installedDebianPackagesOnly() throws Exception {
        ModuleFacts facts = new PackagesCollector(Fixtures.ubuntuUnprivileged(), new FakeCommands(Map.of())).collect();
        assertThat(facts.facts()).extracting(f -> f.value()).containsExactly(
                Map.of("name", "containerd", "version", "1.7.15-1", "arch", "amd64", "manager", "dpkg"),
                Map.of("name", "linux-image-5.15.0-1064-azure", "version", "5.15.0-1064.73", "arch", "amd64",
                        "manager", "dpkg"));
    }

    @Test
    void rpmDatabaseIsQueriedUnderTheHostRoot(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("var/lib/rpm"));
        FakeCommands tools = new FakeCommands(Map.of("rpm",
                "kernel-core\t(none):5.14.0-284.73.1.el9_2\tx86_64\ncri-o\t0:1.27.6-2.rhaos4.14.el9\tx86_64\n"));
        ModuleFacts facts = new PackagesCollector(new HostPaths(root), tools).collect();
        assertThat(facts.facts()).extracting(f -> (Object) ((Map<?, ?>) f.value()).get("version"))
                .containsExactly("5.14.0-284.73.1.el9_2", "0:1.27.6-2.rhaos4.14.el9");
        assertThat(tools.calls.get(0)).containsSequence("--root", root.toAbsolutePath().normalize().toString());
    }

    @Test
    void rpmDatabaseWithoutTheToolIsANote(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("usr/lib/sysimage/rpm"));
        ModuleFacts facts = new PackagesCollector(new HostPaths(root), new FakeCommands(Map.of())).collect();
        assertThat(facts.isSkipped()).isFalse();
        assertThat(facts.notes()).singleElement().asString().contains("rpm tool is not in the agent image");
    }

    @Test
    void noDatabaseIsASkip(@TempDir Path root) throws Exception {
        ModuleFacts facts = new PackagesCollector(new HostPaths(root), new FakeCommands(Map.of())).collect();
        assertThat(facts.skipReason()).contains("no package database");
        assertThat(PackagesCollector.parseRpm("broken line")).isEqualTo(List.of());
    }
}
