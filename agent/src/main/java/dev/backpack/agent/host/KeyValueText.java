package dev.backpack.agent.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code KEY=value} text shape the kernel and distributions use again and again: sysfs
 * {@code uevent} files and {@code /etc/os-release}.
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
