package dev.backpack.agent.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad agent flags as users type them: each is refused before anything is collected, with exit code 2
 * and one line that names the flag, never a stack trace, never a password.
 */
class BadAgentFlagsTest {
    private static final String HOST = Path.of("src/test/resources/hosts/baremetal-sriov").toAbsolutePath().toString();

    static Stream<Arguments> badFlags() {
        return Stream.of(
                bad("unknown flag", "Unknown option", "--bogus"),
                bad("unknown short flag", "Unknown option", "-Z"),
                bad("port is a word", "--port", "-p", "http"),
                bad("port is negative", "--port", "-s", "es", "-p", "-1"),
                bad("port is too large", "--port", "-s", "es", "-p", "70000"),
                bad("redis port is a word", "--redisport", "--redisport", "six"),
                bad("index retries is a word", "--index-retries", "--index-retries", "many"),
                bad("index retries is negative", "--index-retries", "-s", "es", "--index-retries", "-2"),
                bad("timeout has no unit I know", "--timeout", "--timeout", "soon"),
                bad("timeout is zero", "--timeout", "--timeout", "0s"),
                bad("unknown tag", "unknown tag", "--tags", "cpus"),
                bad("unknown skip tag", "unknown tag", "--skip-tags", "memroy"),
                bad("unicode tag", "unknown tag", "--tags", "c\u00f6mm\u00f6n"),
                bad("host root missing", "--host-root", "--host-root", "/does/not/exist"),
                bad("server scheme", "-s/--server", "-s", "ftp://es.example"),
                bad("server with a space", "-s/--server", "-s", "my es"),
                bad("server port in the URL is a word", "-s/--server", "-s", "https://es.example:92x0"),
                bad("ca bundle missing", "--cacert /does/not/exist.pem cannot be read (no such file)", "-s", "https://es.example",
                        "--cacert", "/does/not/exist.pem"),
                bad("password file missing", "--password-file", "-s", "https://es.example", "--password-file", "/does/not/exist"),
                bad("sslskipverify is not a boolean", "'maybe' is not a boolean", "--sslskipverify=maybe"),
                bad("uuid escapes the output folder", "-u/--uuid", "-u", "../../etc"),
                bad("listen is not an address", "--listen", "serve", "-s", "es", "--listen", "nowhere:port"),
                bad("flag without its value", "--tags", "--tags"),
                // issue 11: every value that can be checked without the network is checked before collecting
                bad("redis port out of range", "--redisport 99999 is not a port; use 1-65535", "-s", "es",
                        "--redisip", "redis", "--redisport=99999"),
                bad("redis port out of range without redis host", "--redisport 0 is not a port", "--redisport", "0"),
                bad("port out of range without a server", "-p/--port 70000 is not a port", "-p", "70000"),
                bad("port zero", "-p/--port 0 is not a port", "-s", "es", "-p", "0"),
                bad("redis host empty", "--redisip '' is not a host", "-s", "es", "--redisip="),
                bad("redis host with a space", "--redisip 'red is' is not a host", "-s", "es", "--redisip", "red is"),
                bad("index retries beyond int", "--index-retries", "--index-retries", "99999999999"),
                bad("timeout negative", "--timeout", "--timeout", "-5s"),
                bad("timeout with a fraction", "--timeout", "--timeout", "1.5s"),
                bad("timeout of years", "--timeout must be at most 24h", "--timeout", "9999999999999s"),
                bad("uuid empty", "-u/--uuid must not be empty", "-u", ""),
                bad("uuid of 10,000 characters", "-u/--uuid is 10000 characters long", "-u", "x".repeat(10_000)),
                bad("uuid with a newline", "-u/--uuid 'a?b' contains a control character", "-u", "a\nb"),
                bad("node name empty", "-n/--nodename must not be empty", "-n", ""),
                bad("node name with a space", "-n/--nodename 'my node' is not a host", "-n", "my node"),
                bad("node name too long", "-n/--nodename is 300 characters long", "-n", "n".repeat(300)),
                bad("pod name with a slash", "-N/--podname 'ns/pod' is not a host", "-N", "ns/pod"),
                bad("pod name with a newline", "-N/--podname 'pod?' contains a control character", "-N", "pod\n"),
                bad("tags empty", "--tags is empty", "--tags="),
                bad("skip every tag", "selects no module", "--skip-tags=all"),
                bad("skip what is selected", "selects no module", "--tags", "cpu", "--skip-tags", "cpuinfo"),
                bad("output is a file", "is a file, not a folder", "--output", HOST + "/proc/cpuinfo"),
                bad("output under a file", "is a file, not a folder", "--output", HOST + "/proc/cpuinfo/out"),
                // Tests run as root, for whom a read-only folder is writable; sysfs refuses even root.
                bad("output folder nobody may write", "--output /sys/kernel: permission denied", "--output", "/sys/kernel"),
                bad("ready file in a missing folder", "--ready-file /does/not/exist/ready: the folder",
                        "--ready-file", "/does/not/exist/ready"),
                bad("ready file is a folder", "--ready-file " + HOST + " is a folder", "--ready-file", HOST),
                bad("termination log is a folder", "--termination-log " + HOST + " is a folder",
                        "--termination-log", HOST),
                bad("listen port out of range", "--listen", "serve", "-s", "es", "--listen", "70000"));
    }

    private static Arguments bad(String name, String mentions, String... args) {
        return Arguments.of(name, mentions, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFlags")
    void refusedWithOneLineNamingTheFlag(String name, String mentions, List<String> args) {
        List<String> argv = new ArrayList<>(args);
        if (!args.contains("--host-root")) {
            argv.addAll(List.of("--host-root", HOST));
        }
        CliRunner.Result r = CliRunner.run(argv.toArray(String[]::new));

        assertThat(r.exitCode()).as(name + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).as(name).hasLineCount(1).startsWith("backpack: ").contains(mentions);
        assertThat(r.err()).as(name).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).as("nothing collected for " + name).doesNotContain("documents");
    }

    @Test
    void aHugeUuidIsRefusedInOneShortLine() {
        CliRunner.Result r = CliRunner.run("-u", "u".repeat(10_000), "--host-root", HOST);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().length()).as(r.err()).isLessThan(200);
    }

    /** Skipped as root (a read-only folder is writable by root): the /sys/kernel row covers the path there. */
    @Test
    void aReadOnlyOutputFolderIsRefusedBeforeCollecting(@TempDir Path parent) throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write a read-only folder");
        Path readOnly = Files.createDirectory(parent.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        CliRunner.Result r = CliRunner.run("--output", readOnly.toString(), "--host-root", HOST, "--tags", "cpu");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("permission denied");
        assertThat(r.out()).doesNotContain("cpuinfo");
    }

    static Stream<Arguments> ignoredFlags() {
        String file = HOST + "/proc/cpuinfo";
        String closed = "127.0.0.1:1";
        return Stream.of(
                ignored("redis without a server", "--redisip is ignored without -s/--server", "--redisip", "redis"),
                ignored("redis port without a server", "--redisport is ignored without -s/--server", "--redisport", "6380"),
                ignored("ca bundle without a server", "--cacert is ignored without -s/--server", "--cacert", file),
                ignored("password file without a server", "--password-file is ignored without -s/--server",
                        "--password-file", file),
                ignored("ca bundle with http://", "--cacert is ignored: the server address is http://", "-s", closed,
                        "--cacert", file),
                ignored("skip verify with http://", "--insecure-skip-verify/--sslskipverify is ignored: the server "
                        + "address is http://", "-s", closed, "--sslskipverify"),
                ignored("port without a server", "-p/--port is ignored without -s/--server", "-p", "9201"),
                ignored("output with a server", "--output is ignored with -s/--server", "-s", closed),
                ignored("redis port without redis", "--redisport is ignored without --redisip", "-s", closed,
                        "--redisport", "6380"),
                ignored("force without redis", "--force is ignored without --redisip", "--force"),
                ignored("listen without serve", "--listen is ignored: only 'backpack serve' listens", "--listen", "9000"));
    }

    private static Arguments ignored(String name, String warning, String... args) {
        return Arguments.of(name, warning, List.of(args));
    }

    /** Flags the others make meaningless: one warning line each, and the run still happens. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ignoredFlags")
    void ignoredFlagsAreWarnedAbout(String name, String warning, List<String> args, @TempDir Path out) {
        List<String> argv = new ArrayList<>(args);
        argv.addAll(List.of("--host-root", HOST, "--tags", "cpu", "-u", "warned", "--output", out.toString(),
                "--timeout", "2s", "--index-retries", "0"));
        CliRunner.Result r = CliRunner.run(argv.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.err()).isIn(ExitCodes.OK, ExitCodes.FAILURE);
        assertThat(r.err().split(java.util.regex.Pattern.quote("backpack: warning: " + warning), -1)).as(name + ": once")
                .hasSize(2);
        assertThat(r.out()).as("collected anyway").contains("cpuinfo");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void passwordsNeverEchoed(String name, List<String> args) {
        List<String> argv = new ArrayList<>(args);
        argv.addAll(List.of("--host-root", HOST));
        CliRunner.Result r = CliRunner.run(argv.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err() + r.out()).doesNotContain("Hunter2-secret");
    }

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("bad port beside a password", List.of("-s", "https://elastic:Hunter2-secret@es.example:9x")),
                Arguments.of("bad scheme beside a password", List.of("-s", "ftp://elastic:Hunter2-secret@es.example")),
                Arguments.of("unknown flag after a password", List.of("-s", "https://elastic:Hunter2-secret@es", "--bogus")));
    }
}
