package dev.backpack.contract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.backpack.contract.MetadataModule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagSelectionTest {

    @Test
    void defaultTagsSelectCommonK8sAndOpenShiftModules() {
        List<MetadataModule> modules = TagSelection.of(List.of(), List.of()).modules();
        assertThat(modules).contains(CPUINFO, MEMINFO, SYSCTL, LSPCI, CPU_VULNERABILITIES, DMIDECODE, KERNEL, NETWORK,
                BLOCK, K8S_NODES, K8S_CLUSTER_INFO, OCP_CLUSTER_VERSION);
        assertThat(modules).doesNotContain(NVIDIA_SMI, PACKAGES, SENSORS, USB, GRAPHICS, POWER);
    }

    @Test
    void hardwareSelectsTheFourOshiModulesAndCommonNoneOfThem() {
        assertThat(TagSelection.of(List.of("hardware"), List.of()).modules()).containsExactly(SENSORS, USB, GRAPHICS, POWER);
        assertThat(TagSelection.of(List.of("common"), List.of()).modules()).doesNotContain(SENSORS, USB, GRAPHICS, POWER);
        assertThat(TagSelection.of(List.of("all"), List.of()).modules()).contains(SENSORS, USB, GRAPHICS, POWER);
        assertThat(TagSelection.of(List.of("all"), List.of("hardware")).modules()).doesNotContain(SENSORS, USB, GRAPHICS, POWER);
    }

    @Test
    void namedTagsSelectOnlyTheirModules() {
        assertThat(TagSelection.of(List.of("memory", "cpu"), List.of()).modules()).containsExactly(CPUINFO, MEMINFO);
    }

    @Test
    void commaListsAreSplit() {
        assertThat(TagSelection.of(List.of("memory,cpu"), List.of()).modules()).containsExactly(CPUINFO, MEMINFO);
    }

    @Test
    void skipWinsOverSelect() {
        List<MetadataModule> modules = TagSelection.of(List.of("common"), List.of("memory", "cpu")).modules();
        assertThat(modules).contains(SYSCTL, LSPCI).doesNotContain(CPUINFO, MEMINFO);
    }

    @Test
    void allSelectsEverythingAndSkipAllSelectsNothing() {
        assertThat(TagSelection.of(List.of("all"), List.of()).modules()).containsExactlyElementsOf(MetadataModule.all());
        assertThat(TagSelection.of(List.of("all"), List.of("all")).modules()).isEmpty();
    }

    @Test
    void unknownTagsAreAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> TagSelection.of(List.of("cpus"), List.of()))
                .isInstanceOf(UnknownTagException.class)
                .hasMessageContaining("unknown tag cpus in --tags")
                .hasMessageContaining("known tags: all, always, block, common");
        assertThatThrownBy(() -> TagSelection.of(List.of("common"), List.of("nope", "nada")))
                .hasMessageContaining("unknown tags nope, nada in --skip-tags");
    }

    @Test
    void everyModuleIsTaggedWithItsOwnName() {
        for (MetadataModule module : MetadataModule.values()) {
            assertThat(TagSelection.of(List.of(module.moduleName()), List.of()).modules()).containsExactly(module);
        }
    }
}
