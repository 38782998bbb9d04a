package dev.backpack.agent.collector.oshi;

import oshi.util.GlobalConfig;
import oshi.util.linux.ProcPath;
import oshi.util.linux.SysPath;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points OSHI's {@code /proc} and {@code /sys} at the host root. OSHI reads both roots once per JVM,
 * into static fields of {@link ProcPath} and {@link SysPath} when they are first loaded, so this is the
 * one piece of process-wide state in the agent: the first hardware collection fixes the roots, and a
 * later one under another root (a library user running two host roots in one JVM) is refused instead
 * of silently describing the wrong machine.
 */
final class OshiRoots {
    private static boolean configured;

    private OshiRoots() {
    }

    static synchronized void pointAt(Path root) {
        if (!configured) {
            Path proc = root.resolve("proc");
            Path sys = root.resolve("sys");
            if (!Files.isDirectory(proc) || !Files.isDirectory(sys)) {
                // OSHI would fail its class initialisation for good; say which folder is missing instead.
                throw new IllegalStateException("OSHI needs " + proc + " and " + sys + " under host root " + root);
            }
            GlobalConfig.set(GlobalConfig.OSHI_UTIL_PROC_PATH, proc.toString());
            GlobalConfig.set(GlobalConfig.OSHI_UTIL_SYS_PATH, sys.toString());
            configured = true;
        }
        // Loading the two classes here fixes the roots; a mismatch means an earlier run chose others.
        if (!SysPath.SYS.equals(root.resolve("sys") + "/") || !ProcPath.PROC.equals(root.resolve("proc").toString())) {
            throw new IllegalStateException("OSHI already reads " + ProcPath.PROC + " and " + SysPath.SYS
                    + " in this process and cannot be pointed at host root " + root + " (its roots are fixed once per JVM)");
        }
    }
}
