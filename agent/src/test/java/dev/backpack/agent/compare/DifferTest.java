package dev.backpack.agent.compare;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison on hand-made documents: sets, whole items and modules, volatile facts, list order. */
class DifferTest {

    private static NodeFacts node(String name, StoredDocument... documents) {
        NodeFacts facts = new NodeFacts(name);
        DocumentFlattener flattener = new DocumentFlattener();
        for (StoredDocument d : documents) {
            flattener.add(d, facts);
        }
        return facts;
    }

    private static StoredDocument doc(String module, Object value) {
        return new StoredDocument(module, "test", "n", value);
    }

    @Test
    void setsReportMembersAddedAndRemoved() {
        NodeFacts a = node("n", doc("cpuinfo", Map.of("flags", List.of("sse", "avx"), "model_name", "X")));
        NodeFacts b = node("n", doc("cpuinfo", Map.of("flags", List.of("avx", "avx512_fp16"), "model_name", "X")));

        List<Change> changes = new Differ(DiffOptions.DEFAULT).compare(a, b).changes();

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).fact()).isEqualTo("flags");
        assertThat(changes.get(0).describe()).isEqualTo("+avx512_fp16 -sse");
    }

    @Test
    void listsOfObjectsAreMatchedByTheirNameNotTheirOrder() {
        Object disks1 = Map.of("name", "sda", "partitions", List.of(Map.of("name", "sda1", "size_bytes", 1),
                Map.of("name", "sda2", "size_bytes", 2)));
        Object disks2 = Map.of("name", "sda", "partitions", List.of(Map.of("name", "sda2", "size_bytes", 2),
                Map.of("name", "sda1", "size_bytes", 5)));

        List<Change> changes = new Differ(DiffOptions.DEFAULT)
                .compare(node("n", doc("block", disks1)), node("n", doc("block", disks2))).changes();

        assertThat(changes).extracting(Change::fact).containsExactly("sda.partitions[sda1].size_bytes");
        assertThat(changes.get(0).describe()).isEqualTo("1 → 5");
    }

    @Test
    void aWholeItemOrModuleIsOneChange() {
        NodeFacts a = node("n", doc("network", Map.of("name", "eth0", "driver", "i40e", "mtu", 1500)),
                doc("network", Map.of("name", "eth1", "driver", "ice", "mtu", 9000)),
                doc("sysctl", Map.of("key", "vm.swappiness", "value", "60")),
                doc("dmidecode", Map.of("section", "bios", "version", "1.0")));
        NodeFacts b = node("n", doc("network", Map.of("name", "eth0", "driver", "i40e", "mtu", 1500)),
                doc("sysctl", Map.of("key", "vm.swappiness", "value", "60")),
                doc("sysctl", Map.of("key", "vm.dirty_ratio", "value", "20")));

        List<Change> changes = new Differ(DiffOptions.DEFAULT).compare(a, b).changes();

        assertThat(changes).extracting(Change::module, Change::fact, Change::kind, Change::describe).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dmidecode", "", Change.Kind.MODULE_REMOVED, "- 1 fact"),
                org.assertj.core.groups.Tuple.tuple("network", "eth1", Change.Kind.REMOVED, "- 2 facts"),
                org.assertj.core.groups.Tuple.tuple("sysctl", "vm.dirty_ratio", Change.Kind.ADDED, "+ 20"));
    }

    @Test
    void volatileFactsAreLeftOutUnlessAskedFor() {
        NodeFacts a = node("n", doc("sysctl", Map.of("key", "kernel.random.uuid", "value", "1")),
                doc("meminfo", Map.of("meminfo", Map.of("MemFree", Map.of("bytes", 1), "MemTotal", Map.of("bytes", 8)))));
        NodeFacts b = node("n", doc("sysctl", Map.of("key", "kernel.random.uuid", "value", "2")),
                doc("meminfo", Map.of("meminfo", Map.of("MemFree", Map.of("bytes", 2), "MemTotal", Map.of("bytes", 16)))));

        NodeDiff usual = new Differ(DiffOptions.DEFAULT).compare(a, b);
        NodeDiff all = new Differ(new DiffOptions(Set.of(), true)).compare(a, b);

        assertThat(usual.changes()).extracting(Change::fact).containsExactly("meminfo.MemTotal.bytes");
        assertThat(usual.volatileIgnored()).isEqualTo(2);
        assertThat(all.changes()).hasSize(3);
    }

    @Test
    void pairingMatchesByNameAppliesRenamesAndKeepsOneNode() {
        List<NodePairing.Pair> pairs = new NodePairing(Map.of("old-1", "new-1"), null)
                .pair(List.of("a", "old-1", "gone"), List.of("a", "new-1", "fresh"));

        assertThat(pairs).containsExactly(new NodePairing.Pair("a", "a"), new NodePairing.Pair(null, "fresh"),
                new NodePairing.Pair("gone", null), new NodePairing.Pair("old-1", "new-1"));
        assertThat(new NodePairing(Map.of(), "a").pair(List.of("a", "b"), List.of("a", "b")))
                .containsExactly(new NodePairing.Pair("a", "a"));
    }

    @Test
    void summaryNamesTheLargestModules() {
        DiffReport report = new DiffReport("A", "B");
        report.add(new NodeDiff("n1", "n1", List.of(Change.of("cpu_vulnerabilities", "x.status", Change.Kind.CHANGED,
                "Mitigation", "Vulnerable"), Change.of("sysctl", "a", Change.Kind.CHANGED, "1", "2"),
                Change.of("sysctl", "b", Change.Kind.CHANGED, "1", "2")), 0));
        report.add(new NodeDiff("n2", "n2", List.of(), 0));
        report.add(new NodeDiff(null, "n3", List.of(), 0));

        assertThat(report.summary()).isEqualTo(
                "3 nodes, 4 differences, 2 of them in sysctl, 1 in CPU mitigations, 1 in nodes present in one run only");
        assertThat(report.same()).isFalse();
        assertThat(report.nodesSame()).isEqualTo(1);
    }
}
