package dev.backpack.agent.collector.network;

import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkCollectorTest {

    @Test
    @SuppressWarnings("unchecked")
    void sriovPhysicalFunctionListsItsVirtualFunctions() {
        Map<String, Map<String, Object>> nics = byName(new NetworkCollector(Fixtures.baremetalSriov()).collect());
        assertThat(nics).containsOnlyKeys("eno1", "ens1f0", "ens1f0v0", "lo"); // bonding_masters is not a NIC
        Map<String, Object> pf = nics.get("ens1f0");
        assertThat(pf).containsEntry("driver", "ice").containsEntry("driver_version", "1.13.7")
                .containsEntry("pci_slot", "0000:3b:00.0")
                .containsEntry("mtu", 9000).containsEntry("speed_mbps", 100000).containsEntry("operstate", "up")
                .containsEntry("mac", "b4:96:91:aa:10:00").containsEntry("virtual", false)
                .containsEntry("ipv4", List.of("10.0.10.21/24"))
                .containsEntry("ipv6", List.of("fe80::b696:91ff:feaa:1000/64", "2001:db8:0:10::21/64"));
        Map<String, Object> sriov = (Map<String, Object>) pf.get("sriov");
        assertThat(sriov).containsEntry("total_vfs", 128).containsEntry("num_vfs", 2);
        assertThat((List<Map<String, Object>>) sriov.get("vfs")).containsExactly(
                Map.of("index", 0, "pci_slot", "0000:3b:01.0", "interface", "ens1f0v0"),
                Map.of("index", 1, "pci_slot", "0000:3b:01.1"));
        assertThat(nics.get("ens1f0v0")).containsEntry("sriov_physfn", "0000:3b:00.0").containsEntry("driver", "iavf")
                .doesNotContainKey("driver_version") // in-tree: no module version
                .containsEntry("ipv4", List.of("192.168.20.7/24"));
        assertThat(nics.get("eno1")).containsEntry("carrier", false).doesNotContainKeys("speed_mbps", "sriov", "ipv4");
        assertThat(nics.get("lo")).containsEntry("virtual", true).containsEntry("ipv4", List.of("127.0.0.1/8"))
                .containsEntry("ipv6", List.of("::1/128"));
    }

    @Test
    void realVmCapture() {
        Map<String, Map<String, Object>> nics = byName(new NetworkCollector(Fixtures.firecrackerVm()).collect());
        assertThat(nics).containsKeys("eth0", "lo");
        assertThat(nics.get("eth0")).containsEntry("driver", "virtio_net").containsKey("ipv4").containsKey("mtu");
    }

    @Test
    void ipv6IsCompressedLikeIpDoes() {
        assertThat(InterfaceAddresses.compressIpv6("00000000000000000000000000000001")).isEqualTo("::1");
        assertThat(InterfaceAddresses.compressIpv6("fe800000000000000000000000000001")).isEqualTo("fe80::1");
        assertThat(InterfaceAddresses.compressIpv6("20010db8000000000001000000000001")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(InterfaceAddresses.compressIpv6("20010db8000100020003000400050006")).isEqualTo("2001:db8:1:2:3:4:5:6");
    }

    @Test
    void localIpv4AddressesAreMatchedToTheLongestConnectedRoute() {
        Set<String> local = InterfaceAddresses.parseLocalIpv4("""
                Local:
                  +-- 10.0.0.0/8 2 0 2
                     |-- 10.1.2.3
                        /32 host LOCAL
                     |-- 10.255.255.255
                        /32 link BROADCAST
                     |-- 10.9.9.9
                        /32 host LOCAL
                """.lines().toList());
        assertThat(local).containsExactly("10.1.2.3", "10.9.9.9");
        List<InterfaceAddresses.Route> routes = InterfaceAddresses.parseRoutes("""
                Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
                eth0	00000000	0101000A	0003	0	0	0	00000000	0	0	0
                eth0	0000000A	00000000	0001	0	0	0	000000FF	0	0	0
                eth1	0002010A	00000000	0001	0	0	0	00FFFFFF	0	0	0
                """.lines().toList());
        assertThat(routes).hasSize(2);
        assertThat(InterfaceAddresses.assignIpv4(local, routes))
                .containsEntry("eth1", List.of("10.1.2.3/24")).containsEntry("eth0", List.of("10.9.9.9/8"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byName(ModuleFacts facts) {
        return facts.facts().stream().map(Fact::value).map(v -> (Map<String, Object>) v)
                .collect(java.util.stream.Collectors.toMap(m -> (String) m.get("name"), m -> m));
    }
}
