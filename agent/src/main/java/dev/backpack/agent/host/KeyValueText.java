package dev.backpack.agent.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers for the two key/value text shapes the kernel and distributions use again and again:
 * {@code KEY=value} (sysfs {@code uevent}, {@code /etc/os-release}) and {@code Key: value}
 * ({@code /proc/cpuinfo}, {@code /proc/meminfo}).
 */
public final class KeyValueText {
    private KeyValueText() {
    }

    /** {@code KEY=value} lines; surrounding double or single quotes are removed; comments skipped. */
    public static Map<String, String> parseAssignments(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.trim();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
                continue;
            }
            out.put(trimmed.substring(0, eq).trim(), unquote(trimmed.substring(eq + 1).trim()));
        }
        return out;
    }

    /** {@code Key: value} lines (the separator may be padded with tabs/spaces); the first colon splits. */
    public static Map<String, String> parseColonPairs(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return out;
    }

    static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '"' || first == '\'') && first == last) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
