package dev.backpack.agent.cli;

import dev.backpack.agent.host.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs for the compare commands' tests, collected by the real CLI from the firecracker-vm fixture and changed copies. */
final class CompareRuns {
    static final String NODE = "worker-0";

    private CompareRuns() {
    }

    /** Collects {@code hostRoot} as {@link #NODE} into {@code <temp>/<uuid>}. */
    static Path collect(Path temp, String uuid, Path hostRoot) {
        Path output = temp.resolve(uuid);
        CliRunner.Result result = CliRunner.run("-u", uuid, "-n", NODE, "--host-root", hostRoot.toString(),
                "--output", output.toString(), "--termination-log", temp.resolve("termination.log").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return output;
    }

    /** A copy of the firecracker-vm tree with vm.swappiness 10 instead of 60 and the avx512f CPU flag removed. */
    static Path changedHost(Path target) throws IOException {
        copyTree(Fixtures.root("firecracker-vm"), target);
        Files.writeString(target.resolve("proc/sys/vm/swappiness"), "10\n");
        Path cpuinfo = target.resolve("proc/cpuinfo");
        Files.writeString(cpuinfo, Files.readString(cpuinfo).replace(" avx512f ", " "));
        return target;
    }

    /** An output folder as if collected on another node: the same documents with another node name. */
    static void copyAsNode(Path from, Path to, String node) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                List<String> lines = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    lines.add(line.replace("\"node_name\":\"" + NODE + "\"", "\"node_name\":\"" + node + "\""));
                }
                Files.write(to.resolve(file.getFileName()), lines);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
