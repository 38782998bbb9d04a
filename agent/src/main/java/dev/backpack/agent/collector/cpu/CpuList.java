package dev.backpack.agent.collector.cpu;

import java.util.ArrayList;
import java.util.List;

/** The kernel's CPU list format ({@code 0-3,8-11}), as in {@code online} and NUMA {@code cpulist}. */
final class CpuList {
    private CpuList() {
    }

    static List<Integer> parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        if (text == null) {
            return cpus;
        }
        for (String part : text.trim().split(",")) {
            String range = part.trim();
            if (range.isEmpty()) {
                continue;
            }
            int dash = range.indexOf('-');
            try {
                if (dash < 0) {
                    cpus.add(Integer.parseInt(range));
                } else {
                    int from = Integer.parseInt(range.substring(0, dash));
                    int to = Integer.parseInt(range.substring(dash + 1));
                    for (int cpu = from; cpu <= to; cpu++) {
                        cpus.add(cpu);
                    }
                }
            } catch (NumberFormatException e) {
                // a malformed range is ignored rather than guessed
            }
        }
        return cpus;
    }
}
