package dev.backpack.contract;

/** Index naming shared with upstream stockpile/scribe, so existing index patterns keep matching. */
public final class IndexNames {
    public static final String SUFFIX = "-metadata";
    /** Where the whole raw result of one run goes. */
    public static final String RAW = "stockpile-results-raw";

    private IndexNames() {
    }

    public static String forModule(String module) {
        return module + SUFFIX;
    }
}
