package dev.backpack.agent.collector.oshi;

import java.util.Locale;

/**
 * OSHI's spellings of "not reported" ({@code "unknown"}, {@code -1}, {@code 0} for a reading, NaN)
 * turned into null, so {@link dev.backpack.agent.collector.Values} leaves the entry out instead of
 * writing a value the machine never gave.
 */
public final class OshiValues {
    private OshiValues() {
    }

    /** Trimmed text, or null for blank and OSHI's {@code unknown}. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() || trimmed.equalsIgnoreCase("unknown") ? null : trimmed;
    }

    /**
     * A hexadecimal id as the lspci module spells it: {@code 0x20B2} → {@code 20b2}; null when missing or
     * all zeros (OSHI's filler for a USB id it could not read).
     */
    public static String hexId(String id) {
        String text = text(id);
        if (text == null) {
            return null;
        }
        String hex = (text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text).toLowerCase(Locale.ROOT);
        return hex.isEmpty() || hex.chars().allMatch(c -> c == '0') ? null : hex;
    }

    /** The value when above zero (OSHI reports 0 or a negative number when it has no reading). */
    public static Double positive(double value) {
        return Double.isFinite(value) && value > 0 ? value : null;
    }

    public static Long positive(long value) {
        return value > 0 ? value : null;
    }

    /** The value when zero or more (counters such as a battery's cycle count, where OSHI's missing is -1). */
    public static Integer notNegative(int value) {
        return value >= 0 ? value : null;
    }
}
