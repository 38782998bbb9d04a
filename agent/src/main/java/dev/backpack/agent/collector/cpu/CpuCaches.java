package dev.backpack.agent.collector.cpu;

import dev.backpack.agent.collector.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** lscpu's cache summary: per level and type, the size of one instance and how many instances exist. */
final class CpuCaches {
    private CpuCaches() {
    }

    /** One {@code cacheN/indexM} directory of one CPU, as sysfs describes it. */
    record Entry(String level, String type, String size, String ways, String lineSize, String sharedCpus) {
        String lscpuName() {
            return "L" + level + switch (type) {
                case "Data" -> "d";
                case "Instruction" -> "i";
                default -> "";
            };
        }
    }

    static List<Map<String, Object>> summarize(List<Entry> entries) {
        Map<String, List<Entry>> byName = new TreeMap<>();
        for (Entry e : entries) {
            byName.computeIfAbsent(e.lscpuName(), k -> new ArrayList<>()).add(e);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byName.forEach((name, list) -> {
            Entry first = list.get(0);
            long instances = list.stream().map(Entry::sharedCpus).distinct().count();
            Long bytes = sizeBytes(first.size());
            out.add(Values.create()
                    .put("name", name)
                    .put("level", intOrNull(first.level()))
                    .put("type", first.type())
                    .put("size", first.size())
                    .put("size_bytes", bytes)
                    .put("instances", instances)
                    .put("total_bytes", bytes == null ? null : bytes * instances)
                    .put("ways", intOrNull(first.ways()))
                    .put("line_size", intOrNull(first.lineSize()))
                    .toMap());
        });
        return out;
    }

    /** sysfs cache sizes are {@code 32K}, {@code 1024K}, {@code 32768K} or plain bytes. */
    static Long sizeBytes(String size) {
        if (size == null || size.isEmpty()) {
            return null;
        }
        char unit = Character.toUpperCase(size.charAt(size.length() - 1));
        long multiplier = switch (unit) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
        try {
            return Long.parseLong(digits.trim()) * multiplier;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer intOrNull(String text) {
        try {
            return text == null ? null : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
