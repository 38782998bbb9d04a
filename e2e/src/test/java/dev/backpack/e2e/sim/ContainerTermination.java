package dev.backpack.e2e.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends containers as the kubelet does. A container is a process tree (sh, the entry point, the JVM), so
 * every signal goes to all of it, leaves first.
 */
final class ContainerTermination {
    private ContainerTermination() {
    }

    /** SIGTERM to every process, SIGKILL to those still alive after the grace period. */
    static void stop(Collection<Process> containers, Duration grace) {
        containers.forEach(p -> signal(p, false));
        for (Process p : containers) {
            try {
                if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    signal(p, true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                signal(p, true);
            }
        }
    }

    /** SIGKILL at once, as a node crash or an OOM kill would end it. */
    static void kill(Process container) {
        signal(container, true);
    }

    private static void signal(Process root, boolean kill) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        Collections.reverse(tree);
        tree.add(root.toHandle());
        for (ProcessHandle h : tree) {
            if (kill) {
                h.destroyForcibly();
            } else {
                h.destroy();
            }
        }
    }
}
