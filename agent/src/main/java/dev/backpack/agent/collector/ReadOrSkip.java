package dev.backpack.agent.collector;

import dev.backpack.agent.host.HostPaths;

import java.nio.file.Path;

/**
 * The opening most collectors share: what they read must be on the host, else the module is skipped
 * with the reason (absent hardware, sysfs not mounted), as {@link Collector} asks.
 *
 * @param <T> what was found and is handed to the reader: a path, or how many entries
 */
public final class ReadOrSkip<T> {
    /** null when absent */
    private final T found;

    private ReadOrSkip(T found) {
        this.found = found;
    }

    /** The folder {@code path} under the host root, when it is one. */
    public static ReadOrSkip<Path> folder(HostPaths host, String path) {
        Path dir = host.resolve(path);
        return new ReadOrSkip<>(host.isDirectory(dir) ? dir : null);
    }

    /** The file or folder {@code path} under the host root, when it exists. */
    public static ReadOrSkip<Path> exists(HostPaths host, String path) {
        Path file = host.resolve(path);
        return new ReadOrSkip<>(host.exists(file) ? file : null);
    }

    /** How many entries the folders {@code paths} under the host root hold together, when at least one. */
    public static ReadOrSkip<Long> entries(HostPaths host, String... paths) {
        long entries = 0;
        for (String path : paths) {
            entries += host.list(host.resolve(path)).size();
        }
        return count(entries);
    }

    /** A count the collector made itself (e.g. display controllers), when above zero. */
    public static ReadOrSkip<Long> count(long count) {
        return new ReadOrSkip<>(count > 0 ? count : null);
    }

    /** This when found, else {@code other}: for modules that read either of two sources. */
    public ReadOrSkip<T> or(ReadOrSkip<T> other) {
        return found != null ? this : other;
    }

    /** Reads what was found, or skips the module with {@code reason}. */
    public <E extends Exception> ModuleFacts readOrSkip(String reason, Reader<T, E> reader) throws E {
        return found == null ? ModuleFacts.skipped(reason) : reader.read(found);
    }

    @FunctionalInterface
    public interface Reader<T, E extends Exception> {
        ModuleFacts read(T found) throws E;
    }
}
