package dev.backpack.agent.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
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
                bad("flag without its value", "--tags", "--tags"));
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
