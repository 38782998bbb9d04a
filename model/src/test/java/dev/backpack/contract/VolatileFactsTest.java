package dev.backpack.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolatileFactsTest {

    @Test
    void countersAndRandomIdsAreVolatileSettingsAreNot() {
        assertThat(VolatileFacts.isVolatile("sysctl", "kernel.random.uuid")).isTrue();
        assertThat(VolatileFacts.isVolatile("sysctl", "fs.dentry-state")).isTrue();
        assertThat(VolatileFacts.isVolatile("meminfo", "meminfo.MemFree.bytes")).isTrue();
        assertThat(VolatileFacts.isVolatile("meminfo", "numa[0].meminfo.MemFree.value")).isTrue();
        assertThat(VolatileFacts.isVolatile("sysctl", "vm.swappiness")).isFalse();
        assertThat(VolatileFacts.isVolatile("cpuinfo", "flags")).isFalse();
        assertThat(VolatileFacts.isVolatile("network", "eth0.driver")).isFalse();
    }

    @Test
    void stableEntriesWinOverVolatileFamilies() {
        assertThat(VolatileFacts.isVolatile("meminfo", "meminfo.MemTotal.bytes")).isFalse();
        assertThat(VolatileFacts.isVolatile("meminfo", "numa[1].meminfo.MemTotal.bytes")).isFalse();
        assertThat(VolatileFacts.isVolatile("meminfo", "meminfo.HugePages_Total.value")).isFalse();
    }

    @Test
    void patternsOnlyMatchTheirModule() {
        assertThat(VolatileFacts.isVolatile("kernel", "kernel.random.uuid")).isFalse();
    }

    @Test
    void everyRuleSaysWhy() {
        assertThat(VolatileFacts.VOLATILE).allSatisfy(r -> assertThat(r.why()).isNotBlank());
        assertThat(VolatileFacts.STABLE).allSatisfy(r -> assertThat(r.why()).isNotBlank());
    }
}
