package dev.backpack.agent.host;

import java.nio.file.Path;

/**
 * The host fixture trees under {@code src/test/resources/hosts}: {@code firecracker-vm} (copied from a
 * real VM by {@code src/test/scripts/capture-host-fixture.sh}), {@code baremetal-sriov} and
 * {@code ubuntu-unprivileged} (written by {@code src/test/scripts/make-handwritten-fixtures.py}).
 * Read in place (tests run in the module folder), not from the classpath copy.
 */
public final class Fixtures {
    public static final Path HOSTS = Path.of("src/test/resources/hosts");

    private Fixtures() {
    }

    public static HostPaths host(String name) {
        return new HostPaths(root(name));
    }

    public static Path root(String name) {
        return HOSTS.resolve(name);
    }

    public static HostPaths firecrackerVm() {
        return host("firecracker-vm");
    }

    public static HostPaths baremetalSriov() {
        return host("baremetal-sriov");
    }

    public static HostPaths ubuntuUnprivileged() {
        return host("ubuntu-unprivileged");
    }
}
