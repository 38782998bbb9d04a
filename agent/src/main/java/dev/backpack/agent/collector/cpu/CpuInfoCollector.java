package dev.backpack.agent.collector.cpu;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;

import java.util.List;

/**
 * What {@code lscpu} shows: identity and flags from {@code /proc/cpuinfo} ({@link CpuInfoText}), topology,
 * caches, frequencies and NUMA from sysfs ({@link CpuSysfs}). One document.
 */
public final class CpuInfoCollector implements Collector {
    static final String CPUINFO = "/proc/cpuinfo";

    private final HostPaths host;
    private final String architecture;

    public CpuInfoCollector(HostPaths host, String architecture) {
        this.host = host;
        this.architecture = architecture;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.CPUINFO;
    }

    @Override
    public ModuleFacts collect() {
        CpuInfoText cpuinfo = CpuInfoText.parse(host.read(host.resolve(CPUINFO)).orElseThrow(() ->
                new IllegalStateException(CPUINFO + " is not readable under host root " + host.root())));
        CpuSysfs sysfs = new CpuSysfs(host);
        Values value = Values.create().put("architecture", architecture);
        cpuinfo.identity().forEach(value::put);
        CpuTopology.preferred(sysfs.topology(cpuinfo.processorCount()), cpuinfo.topology())
                .ifPresent(topology -> topology.putInto(value));
        sysfs.cpuLists().forEach(value::put);
        value.put("numa", sysfs.numa());
        value.put("caches", sysfs.caches());
        sysfs.frequencies().forEach(value::put);
        return ModuleFacts.of(List.of(new Fact("lscpu", value.toMap())));
    }
}
