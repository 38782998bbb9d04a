package dev.backpack.agent.collector.vulnerabilities;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One document per entry of {@code /sys/devices/system/cpu/vulnerabilities}, with the kernel's
 * status ({@code Not affected}, {@code Vulnerable}, {@code Mitigation}, {@code Unknown}) separated from
 * the mitigation or details that follow it.
 */
public final class CpuVulnerabilitiesCollector implements Collector {
    static final String DIR = "/sys/devices/system/cpu/vulnerabilities";

    private final HostPaths host;

    public CpuVulnerabilitiesCollector(HostPaths host) {
        this.host = host;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.CPU_VULNERABILITIES;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.folder(host, DIR).readOrSkip("the kernel does not report CPU vulnerabilities (" + DIR
                + " is absent; kernels before 4.15 or non-x86/arm64)", this::collectFrom);
    }

    private ModuleFacts collectFrom(Path dir) {
        List<Fact> facts = new ArrayList<>();
        for (Path entry : host.list(dir)) {
            host.readTrimmed(entry).ifPresent(text ->
                    facts.add(new Fact(DIR, parse(entry.getFileName().toString(), text))));
        }
        return ModuleFacts.of(facts);
    }

    /**
     * {@code Mitigation: PTI} → status Mitigation, mitigation PTI; {@code KVM: Mitigation: VMX disabled}
     * (itlb_multihit) → status Mitigation, mitigation "VMX disabled", scope KVM;
     * {@code Vulnerable: Clear CPU buffers attempted, no microcode; SMT vulnerable} → status Vulnerable,
     * details after the colon.
     */
    static Map<String, Object> parse(String name, String text) {
        Values v = Values.create().put("name", name);
        String rest = text;
        String scope = null;
        if (rest.startsWith("KVM: ")) {
            scope = "KVM";
            rest = rest.substring(5);
        }
        String status;
        String detail = null;
        if (rest.startsWith("Not affected")) {
            status = "Not affected";
        } else if (rest.startsWith("Mitigation")) {
            status = "Mitigation";
            detail = afterColon(rest);
        } else if (rest.startsWith("Vulnerable")) {
            status = "Vulnerable";
            detail = afterColon(rest);
        } else if (rest.startsWith("Unknown")) {
            status = "Unknown";
            detail = afterColon(rest);
        } else {
            status = "Other";
            detail = rest;
        }
        v.put("status", status);
        v.put("scope", scope);
        if ("Mitigation".equals(status)) {
            v.put("mitigation", detail);
        } else {
            v.put("details", detail);
        }
        v.put("vulnerable", "Vulnerable".equals(status));
        v.put("raw", text);
        return v.toMap();
    }

    private static String afterColon(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? null : text.substring(colon + 1).trim();
    }
}
