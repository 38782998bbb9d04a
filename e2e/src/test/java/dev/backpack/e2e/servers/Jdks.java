package dev.backpack.e2e.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given major version on this machine, for servers that need a newer Java than
 * the tests run on (OpenSearch 3 needs 21). Looks at {@code backpack.servers.java.home}, the running JVM,
 * {@code JAVA_HOME} and {@code JAVA_HOME_<n>_*} (as CI images set them), then the system's JVM
 * directories; a JDK's major version is read from its {@code release} file, so nothing is started.
 */
public final class Jdks {
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final List<Path> JVM_DIRECTORIES = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
            Path.of("/opt/java"), Path.of("/opt/jdk"), Path.of("/Library/Java/JavaVirtualMachines"));

    private Jdks() {
    }

    /** The first JDK home with {@code bin/java} whose major version is at least {@code major}. */
    public static Optional<Path> atLeast(int major) {
        return candidates(System.getenv()).stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> majorVersion(home).orElse(0) >= major)
                .findFirst();
    }

    /** Where {@link #atLeast} looked, for a skip message. */
    public static String searched() {
        return "backpack.servers.java.home, java.home, JAVA_HOME, JAVA_HOME_<n>_*, " + JVM_DIRECTORIES;
    }

    static List<Path> candidates(Map<String, String> env) {
        Set<Path> out = new LinkedHashSet<>();
        addIfSet(out, System.getProperty("backpack.servers.java.home"));
        addIfSet(out, System.getProperty("java.home"));
        addIfSet(out, env.get("JAVA_HOME"));
        env.keySet().stream().filter(k -> k.startsWith("JAVA_HOME_")).sorted()
                .forEach(k -> addIfSet(out, env.get(k)));
        for (Path dir : JVM_DIRECTORIES) {
            out.addAll(children(dir));
        }
        return new ArrayList<>(out);
    }

    static Optional<Integer> majorVersion(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void addIfSet(Set<Path> out, String home) {
        if (home != null && !home.isBlank()) {
            out.add(Path.of(home).toAbsolutePath().normalize());
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            // macOS JDKs keep their home under Contents/Home.
            return list.sorted().map(p -> Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
