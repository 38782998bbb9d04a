package dev.backpack.contract;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Facts that change while a machine stays the same (free memory, counters, entropy, timestamps,
 * random ids), so comparing two runs does not report them. The one list {@code backpack diff} uses,
 * documented in docs/compare.md; {@code --all} shows them anyway.
 *
 * <p>A fact is named {@code <item>.<path>} inside its module, e.g. {@code vm.swappiness} (sysctl),
 * {@code flags} (cpuinfo), {@code eth0.driver} (network). Patterns are globs over that name:
 * {@code *} matches any characters, dots included. A {@link #STABLE} entry wins over a volatile one,
 * so a whole family can be volatile except its sizes.
 */
public final class VolatileFacts {

    /** One pattern and why it is listed. */
    public record Rule(String module, String pattern, String why, Pattern regex) {
        boolean matches(String moduleName, String fact) {
            return module.equals(moduleName) && regex.matcher(fact).matches();
        }
    }

    public static final List<Rule> VOLATILE = List.of(
            rule("sysctl", "kernel.random.*", "entropy counters and random ids, new on every read or boot"),
            rule("sysctl", "fs.dentry-state", "dentry cache counters"),
            rule("sysctl", "fs.inode-nr", "inode counters"),
            rule("sysctl", "fs.inode-state", "inode counters"),
            rule("sysctl", "fs.file-nr", "open file handles"),
            rule("sysctl", "fs.aio-nr", "asynchronous I/O requests in flight"),
            rule("sysctl", "fs.quota.*", "quota operation counters"),
            rule("sysctl", "fs.binfmt_misc.*", "registered interpreters come and go with containers"),
            rule("sysctl", "kernel.ns_last_pid", "the last process id handed out"),
            rule("sysctl", "kernel.pty.nr", "open pseudo terminals"),
            rule("sysctl", "kernel.hostname", "the node name, already the key of the comparison"),
            rule("sysctl", "kernel.tainted", "taint flags set by events at run time"),
            rule("sysctl", "net.netfilter.nf_conntrack_count", "tracked connections"),
            rule("sysctl", "net.netfilter.nf_conntrack_events", "tracked connection events"),
            rule("sysctl", "*.stable_secret", "random per-interface IPv6 secret"),
            rule("sysctl", "kernel.perf_event_max_sample_rate", "lowered by the kernel itself under load"),
            rule("sysctl", "vm.stat_*", "memory statistics interval state"),
            rule("meminfo", "meminfo.*", "memory in use changes all the time (sizes are in STABLE)"),
            rule("meminfo", "hugepages*free*", "free huge pages"),
            rule("meminfo", "hugepages*surplus*", "surplus huge pages"),
            rule("meminfo", "hugepages*resv*", "reserved huge pages"),
            rule("meminfo", "numa*", "per NUMA node memory in use (sizes are in STABLE)"),
            rule("cpuinfo", "cpu_mhz", "the current clock moves with load and power states"),
            rule("cpuinfo", "bogomips", "calibrated at boot, differs by a few per mille"),
            rule("dmidecode", "processor*current_speed_mhz", "the current clock"),
            rule("kernel", "modules*.instances", "module reference counts"),
            rule("kernel", "uname.nodename", "the node name, already the key of the comparison"),
            rule("network", "*.ipv4", "addresses handed out by DHCP or the CNI"),
            rule("network", "*.ipv6", "addresses handed out by SLAAC or the CNI"),
            rule("network", "*.operstate", "link state flaps"),
            rule("network", "*.carrier", "link state flaps"),
            rule("network", "*.statistics.*", "packet counters"),
            rule("block", "*.mounts*", "what is mounted changes with the pods on the node"),
            rule("k8s_nodes", "*.node_info.boot_id", "random id, new on every boot"),
            rule("k8s_nodes", "*.conditions*", "heartbeat times and transient states"),
            rule("k8s_nodes", "*.creation_timestamp", "when the Node object was created"),
            rule("k8s_nodes", "*.resource_version", "changes with every update of the Node object"));

    public static final List<Rule> STABLE = List.of(
            rule("meminfo", "meminfo.MemTotal.*", "installed memory"),
            rule("meminfo", "meminfo.SwapTotal.*", "configured swap"),
            rule("meminfo", "meminfo.Hugepagesize.*", "huge page size"),
            rule("meminfo", "meminfo.HugePages_Total.*", "configured huge pages"),
            rule("meminfo", "meminfo.Hugetlb.*", "memory set aside for huge pages"),
            rule("meminfo", "meminfo.VmallocTotal.*", "address space size"),
            rule("meminfo", "meminfo.CommitLimit.*", "depends on memory, swap and vm.overcommit_ratio"),
            rule("meminfo", "meminfo.DirectMap*", "page table layout of physical memory"),
            rule("meminfo", "numa*MemTotal*", "installed memory per NUMA node"),
            rule("meminfo", "numa*HugePages_Total*", "configured huge pages per NUMA node"),
            rule("meminfo", "numa*.cpus", "CPUs of a NUMA node"));

    private VolatileFacts() {
    }

    /** Whether {@code fact} of {@code module} is expected to change between two runs on the same machine. */
    public static boolean isVolatile(String module, String fact) {
        return VOLATILE.stream().anyMatch(r -> r.matches(module, fact))
                && STABLE.stream().noneMatch(r -> r.matches(module, fact));
    }

    private static Rule rule(String module, String pattern, String why) {
        return new Rule(module, pattern, why, glob(pattern));
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
