package dev.backpack.agent.collector.block;

import java.util.ArrayList;
import java.util.List;

/** {@code /proc/<pid>/mounts}: device, mount point, filesystem type, options (octal escapes decoded). */
final class Mounts {
    record Mount(String device, String mountPoint, String fsType, String options) {
    }

    private Mounts() {
    }

    static List<Mount> parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            mounts.add(new Mount(unescape(f[0]), unescape(f[1]), f[2], f[3]));
        }
        return mounts;
    }

    /** The kernel writes space, tab, newline and backslash as {@code \040}, {@code \011}, ... */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                sb.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String text, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
