package dev.backpack.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backpack report} opened in a real headless Chromium: it loads with no console error and no
 * request beyond the file itself, and the counts on the page are those of {@code backpack diff --json}.
 * Leaves the screenshot at {@code target/report.png} (docs/report.png is a copy of it).
 */
class ReportInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void reportLoadsOfflineCleanAndCountsMatchTheJsonDiff() throws Exception {
        Optional<Path> browser = BrowserSession.find();
        Assumptions.assumeTrue(browser.isPresent(), "SKIPPED: no chromium on PATH; install it (apt-get install -y "
                + "chromium, as .ci/run does) to test the HTML report in a real browser");

        // Three nodes: worker-0 changed (sysctl, CPU flag), worker-1 with a mitigation turned off, worker-2 the same;
        // worker-3 only in the second run.
        Path host = Fixtures.root("firecracker-vm");
        Path changed = CompareRuns.changedHost(temp.resolve("changed"));
        Path unmitigated = temp.resolve("unmitigated");
        CompareRuns.copyTree(host, unmitigated);
        Files.writeString(unmitigated.resolve("sys/devices/system/cpu/vulnerabilities/spectre_v2"), "Vulnerable\n");
        Files.writeString(unmitigated.resolve("sys/devices/system/cpu/vulnerabilities/retbleed"), "Vulnerable\n");
        Path same = CompareRuns.collect(temp, "same", host);
        Path a = temp.resolve("run-a");
        Path b = temp.resolve("run-b");
        for (String node : new String[]{"worker-0", "worker-1", "worker-2"}) {
            CompareRuns.copyAsNode(same, a.resolve(node), node);
        }
        CompareRuns.copyAsNode(CompareRuns.collect(temp, "changed-run", changed), b.resolve("worker-0"), "worker-0");
        CompareRuns.copyAsNode(CompareRuns.collect(temp, "unmitigated-run", unmitigated), b.resolve("worker-1"), "worker-1");
        CompareRuns.copyAsNode(same, b.resolve("worker-2"), "worker-2");
        CompareRuns.copyAsNode(same, b.resolve("worker-3"), "worker-3");

        Path page = temp.resolve("report.html");
        CliRunner.Result written = CliRunner.run("report", a.toString(), b.toString(), "-o", page.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        JsonNode diff = JSON.readTree(CliRunner.run("diff", a.toString(), b.toString(), "--json").out());

        try (BrowserSession session = new BrowserSession(browser.get(), temp.resolve("profile"), 1280, 1100)) {
            session.open(page.toUri());

            assertThat(session.problems()).as("console errors, exceptions, log errors").isEmpty();
            assertThat(session.requests()).as("requests besides the page itself").allMatch(u -> u.equals(page.toUri()
                    .toString()) || u.equals(page.toUri().toString().replace("file:///", "file:/")));
            assertThat(session.evaluate("document.getElementById('differences').textContent"))
                    .isEqualTo(diff.get("differences").asText());
            assertThat(session.evaluate("document.getElementById('nodes-compared').textContent"))
                    .isEqualTo(diff.get("nodes_compared").asText()).isEqualTo("4");
            assertThat(session.evaluate("document.getElementById('summary-sentence').textContent"))
                    .isEqualTo(diff.get("summary").asText());
            assertThat(session.evaluate("String(document.querySelectorAll('details.node').length)"))
                    .isEqualTo(String.valueOf(diff.get("nodes").size()));
            assertThat(session.evaluate("document.querySelector('#by-module tr[data-module=cpu_vulnerabilities] .count')"
                    + ".textContent")).isEqualTo(diff.get("differences_by_module").get("cpu_vulnerabilities").asText());
            assertThat(session.evaluate("String(document.scripts.length)")).isEqualTo("0");

            Path screenshot = Path.of("target/report.png");
            Files.write(screenshot, session.screenshot());
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        }
    }
}
