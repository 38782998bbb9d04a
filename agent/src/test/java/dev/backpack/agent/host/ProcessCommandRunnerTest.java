package dev.backpack.agent.host;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessCommandRunnerTest {
    final ProcessCommandRunner runner = new ProcessCommandRunner("/nonexistent:/usr/bin:/bin");

    @Test
    void findsToolsOnThePathOnly() {
        assertThat(runner.find("sh")).hasValueSatisfying(p -> assertThat(p).endsWith("/sh"));
        assertThat(runner.find("no-such-tool-backpack")).isEmpty();
        assertThat(new ProcessCommandRunner("/nonexistent").find("sh")).isEmpty();
    }

    @Test
    void returnsStdoutAndReportsFailuresWithTheFirstStderrLine() throws Exception {
        String sh = runner.find("sh").orElseThrow();
        assertThat(runner.run(List.of(sh, "-c", "echo hello; echo noise >&2"), Duration.ofSeconds(10))).isEqualTo("hello\n");
        assertThatThrownBy(() -> runner.run(List.of(sh, "-c", "echo broken >&2; exit 3"), Duration.ofSeconds(10)))
                .isInstanceOf(CommandRunner.CommandFailedException.class)
                .hasMessageEndingWith("exited with 3: broken");
    }

    @Test
    void aHangingToolIsStoppedAtTheTimeout() {
        String sh = runner.find("sh").orElseThrow();
        assertThatThrownBy(() -> runner.run(List.of(sh, "-c", "exec sleep 30"), Duration.ofMillis(300)))
                .isInstanceOf(CommandRunner.CommandFailedException.class)
                .hasMessageContaining("did not finish within");
    }
}
