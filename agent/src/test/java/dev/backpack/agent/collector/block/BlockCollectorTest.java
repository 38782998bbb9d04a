package dev.backpack.agent.collector.block;

import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BlockCollectorTest {

    @Test
    @SuppressWarnings("unchecked")
    void disksWithPartitionsSchedulersAndMounts() {
        List<Map<String, Object>> disks = values(new BlockCollector(Fixtures.baremetalSriov()).collect());
        assertThat(disks).extracting(d -> d.get("name")).containsExactly("nvme0n1", "sda"); // empty loop0 left out
        Map<String, Object> nvme = disks.get(0);
        assertThat(nvme).containsEntry("model", "Dell Ent NVMe PM9A3 RI 3.84TB").containsEntry("rotational", false)
                .containsEntry("size_bytes", 7501476528L * 512).containsEntry("scheduler", "none");
        List<Map<String, Object>> parts = (List<Map<String, Object>>) nvme.get("partitions");
        assertThat(parts).extracting(p -> p.get("name")).containsExactly("nvme0n1p1", "nvme0n1p2");
        assertThat((List<Map<String, Object>>) parts.get(1).get("mounts")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("mount_point", "/sysroot").containsEntry("fs_type", "xfs"));
        Map<String, Object> sda = disks.get(1);
        assertThat(sda).containsEntry("rotational", true).containsEntry("scheduler", "bfq").containsEntry("vendor", "ATA")
                .containsEntry("schedulers_available", List.of("mq-deadline", "kyber", "bfq", "none"));
        assertThat((List<Map<String, Object>>) sda.get("mounts")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("mount_point", "/var/lib/data disk"));
    }

    @Test
    void mountTableFallsBackToSelfMounts() {
        List<Map<String, Object>> disks = values(new BlockCollector(Fixtures.ubuntuUnprivileged()).collect());
        assertThat(disks).singleElement().satisfies(d -> assertThat(d.toString()).contains("mount_point=/,"));
    }

    @Test
    void realVmCapture() {
        ModuleFacts facts = new BlockCollector(Fixtures.firecrackerVm()).collect();
        assertThat(values(facts)).extracting(d -> d.get("name")).contains("vda").doesNotContain("loop0");
    }

    @Test
    void schedulerAndMountEscapes() {
        assertThat(BlockCollector.selectedScheduler("mq-deadline kyber [bfq] none")).isEqualTo("bfq");
        assertThat(BlockCollector.selectedScheduler("none")).isEqualTo("none");
        assertThat(Mounts.unescape("/mnt/a\\040b\\011c")).isEqualTo("/mnt/a b\tc");
        assertThat(Mounts.unescape("/plain\\x")).isEqualTo("/plain\\x");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> values(ModuleFacts facts) {
        return facts.facts().stream().map(Fact::value).map(v -> (Map<String, Object>) v).toList();
    }
}
