package dev.backpack.contract;

import java.util.List;

/** A tag that no module carries; the message lists the known ones so the user can fix the typo. */
public class UnknownTagException extends IllegalArgumentException {
    private final List<String> unknown;

    public UnknownTagException(String option, List<String> unknown) {
        super("unknown tag" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + " in " + option
                + "; known tags: " + String.join(", ", Tags.known()));
        this.unknown = List.copyOf(unknown);
    }

    public List<String> unknown() {
        return unknown;
    }
}
