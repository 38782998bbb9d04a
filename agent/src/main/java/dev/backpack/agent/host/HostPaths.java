package dev.backpack.agent.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every read of the node goes through here: absolute host paths ({@code /proc/cpuinfo}) are resolved
 * under a root that is {@code /} on a machine and {@code /host} in a pod (the operator mounts the node's
 * /proc, /sys and /etc/os-release there). Tests point the root at fixture trees.
 *
 * <p>Reads never throw: a file that is missing or cannot be read is {@link Optional#empty()}, because
 * for host facts "absent" is an answer, not an error (sysfs attributes such as a NIC's speed fail to
 * read when the link is down).
 */
public final class HostPaths {
    private static final int SMALL_READ = 4096;

    private final Path root;

    public HostPaths(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code /proc/cpuinfo} → {@code <root>/proc/cpuinfo}. */
    public Path resolve(String absolutePath) {
        String relative = absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    public boolean exists(Path path) {
        return Files.exists(path);
    }

    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    /** Whole file as text (UTF-8, malformed bytes replaced), or empty when missing or unreadable. */
    public Optional<String> read(Path path) {
        try {
            return Optional.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Like {@link #read}, without asking the file's size first: for procfs and sysfs attributes, which
     * report a size of 0 and hold a few bytes. Also empty for a directory (reading it fails).
     */
    public Optional<String> readSmall(Path path) {
        ByteBuffer buffer = ByteBuffer.allocate(SMALL_READ);
        try (SeekableByteChannel channel = Files.newByteChannel(path)) {
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) {
                    buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.of(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
    }

    /** Whole file trimmed; empty when missing, unreadable or blank. */
    public Optional<String> readTrimmed(Path path) {
        return read(path).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A sysfs/procfs attribute holding one integer ({@code mtu}, {@code nr_hugepages}); empty when absent or not a number. */
    public Optional<Long> readLong(Path path) {
        return readTrimmed(path).flatMap(HostPaths::parseLong);
    }

    public Optional<Integer> readInt(Path path) {
        return readLong(path).filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE).map(Long::intValue);
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<byte[]> readBytes(Path path) {
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public Optional<List<String>> readLines(Path path) {
        return read(path).map(text -> text.lines().toList());
    }

    /** Entries of a directory sorted by name; empty when it is missing or unreadable. */
    public List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        entries.sort(null);
        return entries;
    }

    /**
     * The last name of a symbolic link's target ({@code driver -> ../../bus/pci/drivers/ixgbe} → ixgbe),
     * which is how sysfs names drivers and kernel modules.
     */
    public Optional<String> linkName(Path link) {
        try {
            if (!Files.isSymbolicLink(link)) {
                return Optional.empty();
            }
            Path target = Files.readSymbolicLink(link).getFileName();
            return Optional.ofNullable(target).map(Path::toString);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
