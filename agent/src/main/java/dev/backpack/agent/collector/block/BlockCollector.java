package dev.backpack.agent.collector.block;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.ReadOrSkip;
import dev.backpack.agent.collector.Values;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One document per disk under {@code /sys/block}: model, vendor, size, rotational, scheduler, block
 * sizes, partitions, and the filesystems mounted from the disk or its partitions. Loop and RAM disks
 * without a backing size are left out, as {@code lsblk} hides them.
 */
public final class BlockCollector implements Collector {
    static final String BLOCK = "/sys/block";
    /** pid 1's mounts are the node's when its /proc is mounted in a pod; self is the fallback. */
    static final List<String> MOUNTS = List.of("/proc/1/mounts", "/proc/self/mounts");
    static final long SECTOR = 512;

    private final HostPaths host;

    public BlockCollector(HostPaths host) {
        this.host = host;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.BLOCK;
    }

    @Override
    public ModuleFacts collect() {
        return ReadOrSkip.folder(host, BLOCK).readOrSkip(BLOCK + " is absent (sysfs not mounted under the host root)",
                this::collectFrom);
    }

    private ModuleFacts collectFrom(Path dir) {
        List<String> notes = new ArrayList<>();
        List<Mounts.Mount> mounts = MOUNTS.stream().map(p -> host.readLines(host.resolve(p)))
                .flatMap(Optional::stream).findFirst().map(Mounts::parse).orElseGet(() -> {
                    notes.add("no mount table (" + String.join(", ", MOUNTS) + "): mounts left out");
                    return List.of();
                });
        List<Fact> facts = new ArrayList<>();
        for (Path disk : host.list(dir)) {
            long sectors = host.readLong(disk.resolve("size")).orElse(0L);
            String name = disk.getFileName().toString();
            if (sectors == 0 && (name.startsWith("loop") || name.startsWith("ram"))) {
                continue;
            }
            facts.add(new Fact(BLOCK, describe(disk, name, sectors, mounts)));
        }
        return ModuleFacts.of(facts, notes);
    }

    private Map<String, Object> describe(Path disk, String name, long sectors, List<Mounts.Mount> mounts) {
        Path queue = disk.resolve("queue");
        Optional<String> scheduler = host.readTrimmed(queue.resolve("scheduler"));
        Values v = Values.create()
                .put("name", name)
                .put("model", host.readTrimmed(disk.resolve("device").resolve("model")))
                .put("vendor", host.readTrimmed(disk.resolve("device").resolve("vendor")))
                .put("serial", host.readTrimmed(disk.resolve("device").resolve("serial")))
                .put("size_bytes", sectors * SECTOR)
                .put("rotational", host.readLong(queue.resolve("rotational")).map(r -> r == 1))
                .put("removable", host.readLong(disk.resolve("removable")).map(r -> r == 1))
                .put("read_only", host.readLong(disk.resolve("ro")).map(r -> r == 1))
                .put("logical_block_size", host.readLong(queue.resolve("logical_block_size")))
                .put("physical_block_size", host.readLong(queue.resolve("physical_block_size")))
                .put("scheduler", scheduler.map(BlockCollector::selectedScheduler))
                .put("schedulers_available", scheduler.map(BlockCollector::availableSchedulers))
                .put("nr_requests", host.readLong(queue.resolve("nr_requests")));
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (Path child : host.list(disk)) {
            if (host.exists(child.resolve("partition"))) {
                String part = child.getFileName().toString();
                partitions.add(Values.create()
                        .put("name", part)
                        .put("number", host.readLong(child.resolve("partition")))
                        .put("start_sector", host.readLong(child.resolve("start")))
                        .put("size_bytes", host.readLong(child.resolve("size")).map(s -> s * SECTOR))
                        .put("mounts", mountsOf(part, mounts))
                        .toMap());
            }
        }
        v.put("partitions", partitions);
        v.put("mounts", mountsOf(name, mounts));
        return v.toMap();
    }

    static List<Map<String, Object>> mountsOf(String device, List<Mounts.Mount> mounts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Mounts.Mount m : mounts) {
            if (m.device().equals("/dev/" + device)) {
                out.add(Values.create().put("mount_point", m.mountPoint()).put("fs_type", m.fsType())
                        .put("options", m.options()).toMap());
            }
        }
        return out;
    }

    /** {@code mq-deadline kyber [bfq] none} → {@code bfq}; a single {@code none} → {@code none}. */
    static String selectedScheduler(String line) {
        int open = line.indexOf('[');
        int close = line.indexOf(']');
        return open >= 0 && close > open ? line.substring(open + 1, close) : line.trim();
    }

    static List<String> availableSchedulers(String line) {
        return Arrays.stream(line.trim().split("\\s+")).map(s -> s.replace("[", "").replace("]", "")).toList();
    }
}
