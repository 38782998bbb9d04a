package dev.backpack.agent.collector.network;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.agent.host.KeyValueText;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One document per network interface under {@code /sys/class/net}: driver and its version, PCI slot, speed, MTU, MAC,
 * addresses, operstate and SR-IOV (total/enabled VFs and each VF's slot; for a VF, its physical
 * function).
 */
public final class NetworkCollector implements Collector {
    static final String NET = "/sys/class/net";
    static final String MODULES = "/sys/module";
    /** pid 1's view is the node's network namespace when the node's /proc is mounted in a pod. */
    static final List<String> PROC_NET = List.of("/proc/1/net", "/proc/net");

    private final HostPaths host;

    public NetworkCollector(HostPaths host) {
        this.host = host;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.NETWORK;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.folder(host, NET).readOrSkip(NET + " is absent (sysfs not mounted under the host root)",
                this::collectFrom);
    }

    private ModuleFacts collectFrom(Path dir) {
        Map<String, List<String>> ipv4 = Map.of();
        Map<String, List<String>> ipv6 = Map.of();
        List<String> notes = new ArrayList<>();
        Optional<Path> procNet = PROC_NET.stream().map(host::resolve)
                .filter(p -> host.exists(p.resolve("dev"))).findFirst();
        if (procNet.isPresent()) {
            Set<String> local = InterfaceAddresses.parseLocalIpv4(
                    host.readLines(procNet.get().resolve("fib_trie")).orElse(List.of()));
            ipv4 = InterfaceAddresses.assignIpv4(local, InterfaceAddresses.parseRoutes(
                    host.readLines(procNet.get().resolve("route")).orElse(List.of())));
            ipv6 = InterfaceAddresses.parseIfInet6(host.readLines(procNet.get().resolve("if_inet6")).orElse(List.of()));
        } else {
            notes.add("no /proc/net under the host root: interface addresses left out");
        }
        List<Fact> facts = new ArrayList<>();
        for (Path iface : host.list(dir)) {
            if (!host.isDirectory(iface)) {
                continue; // bonding_masters and other control files
            }
            String name = iface.getFileName().toString();
            facts.add(new Fact(NET, describe(iface, name, ipv4.getOrDefault(name, List.of()),
                    ipv6.getOrDefault(name, List.of()))));
        }
        return ModuleFacts.of(facts, notes);
    }

    private Map<String, Object> describe(Path iface, String name, List<String> ipv4, List<String> ipv6) {
        Path device = iface.resolve("device");
        Map<String, String> uevent = KeyValueText.parseAssignments(
                host.readLines(device.resolve("uevent")).orElse(List.of()));
        Optional<String> driver = host.linkName(device.resolve("driver")).or(() -> Optional.ofNullable(uevent.get("DRIVER")));
        Values v = Values.create()
                .put("name", name)
                .put("driver", driver)
                .put("driver_version", driver.flatMap(d -> driverVersion(device, d)))
                .put("pci_slot", uevent.get("PCI_SLOT_NAME"))
                .put("mac", host.readTrimmed(iface.resolve("address")))
                .put("mtu", host.readInt(iface.resolve("mtu")))
                .put("operstate", host.readTrimmed(iface.resolve("operstate")))
                .put("carrier", host.readInt(iface.resolve("carrier")).map(c -> c == 1))
                .put("speed_mbps", host.readInt(iface.resolve("speed")).filter(s -> s > 0))
                .put("duplex", host.readTrimmed(iface.resolve("duplex")))
                .put("type", host.readInt(iface.resolve("type")))
                .put("tx_queue_len", host.readInt(iface.resolve("tx_queue_len")))
                .put("virtual", !host.exists(device));
        if (!ipv4.isEmpty()) {
            v.put("ipv4", ipv4);
        }
        if (!ipv6.isEmpty()) {
            v.put("ipv6", ipv6);
        }
        Optional<Integer> totalVfs = host.readInt(device.resolve("sriov_totalvfs"));
        if (totalVfs.isPresent()) {
            v.put("sriov", sriov(device, totalVfs.get()));
        }
        if (host.exists(device.resolve("physfn"))) {
            v.put("sriov_physfn", slotOf(device.resolve("physfn")));
        }
        return v.toMap();
    }

    private Map<String, Object> sriov(Path device, int total) {
        List<Map<String, Object>> vfs = new ArrayList<>();
        for (Path entry : host.list(device)) {
            String entryName = entry.getFileName().toString();
            if (!entryName.matches("virtfn\\d+")) {
                continue;
            }
            Values vf = Values.create()
                    .put("index", Integer.parseInt(entryName.substring("virtfn".length())))
                    .put("pci_slot", slotOf(entry));
            List<Path> netdevs = host.list(entry.resolve("net"));
            if (!netdevs.isEmpty()) {
                vf.put("interface", netdevs.get(0).getFileName().toString());
            }
            vfs.add(vf.toMap());
        }
        vfs.sort((a, b) -> Integer.compare((Integer) a.getOrDefault("index", 0), (Integer) b.getOrDefault("index", 0)));
        return Values.create()
                .put("total_vfs", total)
                .put("num_vfs", host.readInt(device.resolve("sriov_numvfs")))
                .put("vfs", vfs)
                .toMap();
    }

    /**
     * The version its kernel module declares ({@code MODULE_VERSION}), which is what {@code ethtool -i}
     * shows for out-of-tree drivers (ice, mlx5_core from vendor packages). In-tree drivers mostly declare
     * none since Linux 5.x; for them ethtool shows the kernel release, which the kernel module has.
     */
    private Optional<String> driverVersion(Path device, String driver) {
        String module = host.linkName(device.resolve("driver/module")).orElse(driver.replace('-', '_'));
        return host.readTrimmed(host.resolve(MODULES).resolve(module).resolve("version"));
    }

    /** A PCI function's slot: the symlink's target name, or PCI_SLOT_NAME of its uevent. */
    private String slotOf(Path pciFunction) {
        return host.linkName(pciFunction).orElseGet(() -> KeyValueText.parseAssignments(
                host.readLines(pciFunction.resolve("uevent")).orElse(List.of())).get("PCI_SLOT_NAME"));
    }
}
