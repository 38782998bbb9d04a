package dev.backpack.agent.collector.sysctl;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every readable key under {@code /proc/sys}, one document per key as upstream's {@code sysctl -a}
 * role produced. Write-only keys (e.g. {@code vm.compact_memory}) and keys the kernel refuses to read
 * are skipped and counted in a note, as {@code sysctl -a} skips them.
 */
public final class SysctlCollector implements Collector {
    static final String PROC_SYS = "/proc/sys";

    private final HostPaths host;

    public SysctlCollector(HostPaths host) {
        this.host = host;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.SYSCTL;
    }

    @Override
    public ModuleFacts collect() {
        Path root = host.resolve(PROC_SYS);
        if (!host.isDirectory(root)) {
            throw new IllegalStateException(PROC_SYS + " is not a directory under host root " + host.root());
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        walk(root, root, values, unreadable);
        List<Fact> facts = new ArrayList<>(values.size());
        values.forEach((key, value) -> {
            // An empty value is a real value (e.g. kernel.core_pattern unset), so no Values here.
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("value", value);
            facts.add(new Fact("sysctl", entry));
        });
        List<String> notes = unreadable.isEmpty() ? List.of()
                : List.of(unreadable.size() + " keys are not readable (write-only or refused by the kernel) and were skipped");
        return ModuleFacts.of(facts, notes);
    }

    private void walk(Path root, Path dir, Map<String, String> values, List<String> unreadable) {
        for (Path entry : host.list(dir)) {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                walk(root, entry, values, unreadable);
                continue;
            }
            String key = keyOf(root.relativize(entry).toString());
            Optional<String> value = host.read(entry);
            if (value.isPresent()) {
                values.put(key, normalizeValue(value.get()));
            } else {
                unreadable.add(key);
            }
        }
    }

    /** {@code net/ipv4/ip_forward} → {@code net.ipv4.ip_forward} (dots inside names stay as sysctl shows them, e.g. {@code net.ipv4.conf.eth0/1.rp_filter}). */
    static String keyOf(String relativePath) {
        String[] parts = relativePath.split("/");
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            if (key.length() > 0) {
                key.append('.');
            }
            key.append(part.replace('.', '/'));
        }
        return key.toString();
    }

    /** Like {@code sysctl}: trailing newline removed, tabs between fields kept as single tabs. */
    static String normalizeValue(String raw) {
        String trimmed = raw.strip();
        return trimmed.replace("\n", " ");
    }
}
