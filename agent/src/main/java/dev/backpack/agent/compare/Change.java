package dev.backpack.agent.compare;

import java.util.List;

/**
 * One difference on one node: a fact (or a whole item or module) added, removed or changed. For a set
 * (CPU flags) {@code added}/{@code removed} list the members; {@code before}/{@code after} are the
 * values as text, null on the side where it is absent.
 */
public record Change(String module, String fact, Kind kind, String before, String after, List<String> added,
                     List<String> removed) {

    public enum Kind {
        /** The fact is only in the second run. */
        ADDED,
        /** The fact is only in the first run. */
        REMOVED,
        /** Both runs have it, with different values. */
        CHANGED,
        /** The second run has documents of this module, the first none. */
        MODULE_ADDED,
        /** The first run has documents of this module, the second none. */
        MODULE_REMOVED
    }

    public Change {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    static Change of(String module, String fact, Kind kind, String before, String after) {
        return new Change(module, fact, kind, before, after, List.of(), List.of());
    }

    /** "+avx512_fp16 -sse" for sets, "60 → 10" for scalars, the value alone when added or removed. */
    public String describe() {
        return switch (kind) {
            case ADDED, MODULE_ADDED -> "+ " + after;
            case REMOVED, MODULE_REMOVED -> "- " + before;
            case CHANGED -> isMembers() ? String.join(" ", addedText(), removedText()).strip()
                    : before + " → " + after;
        };
    }

    /** Whether this is a change of a set's members (CPU flags) rather than of a value. */
    public boolean isMembers() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /** "+avx512_fp16 +amx_tile" */
    public String addedText() {
        return signed('+', added);
    }

    /** "-sse4a" */
    public String removedText() {
        return signed('-', removed);
    }

    private static String signed(char sign, List<String> members) {
        StringBuilder out = new StringBuilder();
        members.forEach(m -> out.append(out.length() == 0 ? "" : " ").append(sign).append(m));
        return out.toString();
    }
}
