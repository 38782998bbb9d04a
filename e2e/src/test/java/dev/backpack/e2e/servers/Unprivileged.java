package dev.backpack.e2e.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * OpenSearch and Elasticsearch refuse to run as root. When the tests run as root (CI does), the server
 * tree is handed to {@code nobody} and the server is started through {@code setpriv} as that user.
 */
final class Unprivileged {
    static final String USER = "nobody";

    private Unprivileged() {
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Returns a server home that {@code nobody} can use: the given one, handed over, or a copy under the
     * temp dir when one of its parent directories is closed to other users (e.g. a checkout in /root).
     */
    static Path prepareHome(Path home) {
        if (!runningAsRoot()) {
            return home;
        }
        Path usable = home;
        if (!othersCanTraverse(home.toAbsolutePath().getParent())) {
            usable = copyToTemp(home);
        }
        chownTree(usable);
        return usable;
    }

    /** Wraps a command so it runs as {@code nobody} when we are root. */
    static List<String> command(List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + groupOf(USER),
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    static void chownTree(Path root) {
        try {
            UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(USER);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(groupOf(USER));
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + root + " to " + USER, e);
        }
    }

    private static String groupOf(String user) {
        // Debian names nobody's group "nogroup", others "nobody".
        return Files.exists(Path.of("/etc/group")) && readGroupFile().contains("\nnogroup:") ? "nogroup" : user;
    }

    private static String readGroupFile() {
        try {
            return "\n" + Files.readString(Path.of("/etc/group"));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean othersCanTraverse(Path dir) {
        try {
            for (Path p = dir; p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path copyToTemp(Path home) {
        try {
            Path target = Files.createTempDirectory("backpack-servers-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path copy = target.resolve(home.getFileName());
            Files.walkFileTree(home, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(copy.resolve(home.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, copy.resolve(home.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + home + " to a directory nobody can reach", e);
        }
    }
}
