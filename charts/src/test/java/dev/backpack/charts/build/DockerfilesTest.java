package dev.backpack.charts.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine here, so the images cannot be built in this build: these checks hold the
 * Dockerfiles to what the chart and the operator rely on (non-root numeric user, the agreed jar,
 * files that exist), and the CI workflow builds them for real.
 */
class DockerfilesTest {
    private static final Path ROOT = Path.of(System.getProperty("backpack.repoRoot", ".."));

    @ParameterizedTest
    @ValueSource(strings = {"agent", "operator"})
    void multiStageNonRootWithEntrypoint(String module) throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(module + "/Dockerfile"));
        List<String> froms = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();

        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).startsWith("maven:").contains("temurin-17");
        assertThat(froms.get(1)).isEqualTo("eclipse-temurin:17-jre");
        Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?$").matcher(dockerfile);
        assertThat(user.find()).as("USER with a numeric uid").isTrue();
        assertThat(Integer.parseInt(user.group(1))).isPositive();
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[")
                .contains("mvn -B -DskipTests -pl " + module + " -am package");
        for (Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile); copy.find(); ) {
            if (!copy.group(1).equals(".")) {
                assertThat(ROOT.resolve(copy.group(1))).as("COPY source").exists();
            }
        }
    }

    @Test
    void agentImageShipsTheAgreedJarBehindABackpackCommand() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("agent/Dockerfile"));

        assertThat(dockerfile).contains("cp agent/target/backpack.jar ")
                .contains("COPY agent/src/main/sh/backpack /opt/backpack/backpack")
                .contains("ln -s /opt/backpack/backpack /usr/local/bin/backpack")
                .contains("ENTRYPOINT [\"/usr/local/bin/backpack\"]");
        assertThat(Files.readString(ROOT.resolve(".dockerignore"))).contains("**/target/");
    }

    /** Installed as in the image: /opt/backpack/{backpack,backpack.jar}, called through a link on PATH. */
    @Test
    void wrapperPassesEveryArgumentThroughToTheJarNextToIt() throws Exception {
        Path bin = Files.createTempDirectory("fake-java");
        try {
            Path java = bin.resolve("java");
            Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n");
            assertThat(java.toFile().setExecutable(true)).isTrue();
            Path home = Files.createDirectory(bin.resolve("opt")).toRealPath();
            Files.copy(ROOT.resolve("agent/src/main/sh/backpack"), home.resolve("backpack"));
            Path link = Files.createSymbolicLink(bin.resolve("backpack"), home.resolve("backpack"));
            String jar = "<" + home.resolve("backpack.jar") + ">";

            String out = runWrapper(bin, link, null, "-s=es.example.com", "--tags", "common,k8s", "two words");
            assertThat(out.lines().toList()).containsSubsequence(
                    "<-XX:+UseSerialGC>", "<-jar>", jar,
                    "<-s=es.example.com>", "<--tags>", "<common,k8s>", "<two words>")
                    .noneMatch(arg -> arg.contains("SharedArchiveFile"));

            Files.writeString(home.resolve("backpack.jsa"), "any archive");
            assertThat(runWrapper(bin, link, null, "--version").lines().toList())
                    .contains("<-XX:SharedArchiveFile=" + home.resolve("backpack.jsa") + ">", "<-Xshare:auto>");

            String custom = runWrapper(bin, link, "-Xmx64m", "serve");
            assertThat(custom.lines().toList()).containsExactly("<-Xmx64m>", "<-jar>", jar, "<serve>");
        } finally {
            try (var files = Files.walk(bin)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String runWrapper(Path fakeJavaDir, Path wrapper, String javaOpts, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", wrapper.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", fakeJavaDir + ":/usr/bin:/bin");
        pb.environment().remove("JAVA_HOME");
        if (javaOpts != null) {
            pb.environment().put("BACKPACK_JAVA_OPTS", javaOpts);
        } else {
            pb.environment().remove("BACKPACK_JAVA_OPTS");
        }
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
