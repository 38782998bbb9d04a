package dev.backpack.agent.collector.oshi;

import dev.backpack.agent.host.HostPaths;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The hardware modules' only way into OSHI. Nothing else in the agent names an OSHI class, and this
 * one is reached only from the collectors of the {@code hardware} tag, so a {@code --tags common} run
 * never loads OSHI or JNA (about half a second cold, see docs/agent.md).
 */
public final class OshiHardware {
    private final Path root;

    public OshiHardware(HostPaths host) {
        this.root = Objects.requireNonNull(host, "host").root();
    }

    /** OSHI's view of the node, with its /proc and /sys read under the host root. */
    public HardwareAbstractionLayer hardware() {
        OshiRoots.pointAt(root);
        return new SystemInfo().getHardware();
    }
}
