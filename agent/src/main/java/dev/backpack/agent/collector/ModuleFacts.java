package dev.backpack.agent.collector;

import java.util.List;
import java.util.Objects;

/**
 * What a collector found: facts, or a skip with its reason (absent hardware, no cluster). Notes say
 * what was left out and why while the rest was collected (e.g. SMBIOS tables need privileges).
 */
public record ModuleFacts(List<Fact> facts, String skipReason, List<String> notes) {

    public ModuleFacts {
        facts = List.copyOf(facts);
        notes = List.copyOf(notes);
    }

    public static ModuleFacts of(List<Fact> facts) {
        return new ModuleFacts(facts, null, List.of());
    }

    public static ModuleFacts of(List<Fact> facts, List<String> notes) {
        return new ModuleFacts(facts, null, notes);
    }

    public static ModuleFacts skipped(String reason) {
        return new ModuleFacts(List.of(), Objects.requireNonNull(reason, "reason"), List.of());
    }

    public boolean isSkipped() {
        return skipReason != null;
    }
}
