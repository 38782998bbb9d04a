package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;
import dev.backpack.agent.host.HostPaths;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The default for {@code -n}: the kernel's host name ({@code /proc/sys/kernel/hostname} under the
 * host root, what {@code hostname} prints), else the JVM's. Never {@code localhost}: documents from
 * several nodes would be indistinguishable.
 */
public final class NodeNames {
    static final String KERNEL_HOSTNAME = "/proc/sys/kernel/hostname";

    private NodeNames() {
    }

    public static String resolve(HostPaths host, Supplier<String> jvmHostname) {
        Optional<String> kernel = host.readTrimmed(host.resolve(KERNEL_HOSTNAME)).filter(NodeNames::usable);
        if (kernel.isPresent()) {
            return kernel.get();
        }
        String jvm = jvmHostname.get();
        if (jvm != null && usable(jvm.trim())) {
            return jvm.trim();
        }
        throw BackpackException.usage("cannot tell this node's name (the host name is empty or localhost); pass it with -n/--nodename");
    }

    static boolean usable(String name) {
        return !name.isEmpty() && !name.equals("localhost") && !name.startsWith("localhost.")
                && !name.equals("(none)");
    }
}
