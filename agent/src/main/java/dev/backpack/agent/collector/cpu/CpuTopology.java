package dev.backpack.agent.collector.cpu;

import dev.backpack.agent.collector.Values;

import java.util.Optional;

/**
 * Sockets, cores per socket and threads per core, as lscpu prints them. Both /proc/cpuinfo and sysfs
 * can tell; {@link #preferred} says which one wins, so the choice is made once and in the open.
 */
record CpuTopology(int sockets, int coresPerSocket, int threadsPerCore) {

    /** From distinct socket ids, distinct (socket, core) ids and the number of hardware threads. */
    static Optional<CpuTopology> count(int sockets, int cores, int threads) {
        if (sockets == 0) {
            return Optional.empty();
        }
        return Optional.of(new CpuTopology(sockets, cores / sockets, threads / Math.max(1, cores)));
    }

    /**
     * sysfs wins: it also knows dies (a core id repeats across the dies of one package) and is what lscpu
     * reads; /proc/cpuinfo is the fallback for hosts or fixtures without a topology directory.
     */
    static Optional<CpuTopology> preferred(Optional<CpuTopology> sysfs, Optional<CpuTopology> cpuinfo) {
        return sysfs.isPresent() ? sysfs : cpuinfo;
    }

    void putInto(Values values) {
        values.put("sockets", sockets).put("cores_per_socket", coresPerSocket).put("threads_per_core", threadsPerCore);
    }
}
