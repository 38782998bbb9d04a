package dev.backpack.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.host.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backpack diff}, {@code show} and {@code report} over output folders of real collections: the
 * firecracker-vm fixture (copied from a real VM), a copy of it where vm.swappiness is 10 instead of 60
 * and the avx512f flag is gone, and two collections of this machine's own /.
 */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path runA;
    static Path runB;

    @BeforeAll
    static void collect() throws IOException {
        runA = CompareRuns.collect(temp, "run-a", Fixtures.root("firecracker-vm"));
        runB = CompareRuns.collect(temp, "run-b", CompareRuns.changedHost(temp.resolve("changed-host")));
    }

    @Test
    void findsExactlyTheChangedSysctlAndTheRemovedCpuFlag() throws IOException {
        CliRunner.Result result = CliRunner.run("diff", runA.toString(), runB.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DIFFERENT);
        JsonNode diff = JSON.readTree(result.out());
        assertThat(diff.get("nodes_compared").asInt()).isEqualTo(1);
        assertThat(diff.get("differences").asInt()).isEqualTo(2);
        JsonNode changes = diff.get("nodes").get(0).get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("module").asText()).isEqualTo("cpuinfo");
        assertThat(changes.get(0).get("fact").asText()).isEqualTo("flags");
        assertThat(changes.get(0).get("kind").asText()).isEqualTo("changed");
        assertThat(changes.get(0).get("removed")).extracting(JsonNode::asText).containsExactly("avx512f");
        assertThat(changes.get(0).get("added")).isEmpty();
        assertThat(changes.get(1).get("module").asText()).isEqualTo("sysctl");
        assertThat(changes.get(1).get("fact").asText()).isEqualTo("vm.swappiness");
        assertThat(changes.get(1).get("before").asText()).isEqualTo("60");
        assertThat(changes.get(1).get("after").asText()).isEqualTo("10");
    }

    @Test
    void tableShowsOldAndNewSideBySideAndTheSummary() {
        CliRunner.Result result = CliRunner.run("diff", runA.toString(), runB.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.DIFFERENT);
        assertThat(result.out()).containsPattern("worker-0\\s+sysctl\\s+vm.swappiness\\s+60\\s+10");
        assertThat(result.out()).containsPattern("worker-0\\s+cpuinfo\\s+flags\\s+-avx512f");
        assertThat(result.out()).contains("1 node, 2 differences, 1 of them in CPU, 1 in sysctl");
    }

    @Test
    void aRunComparedWithItselfIsTheSame() {
        CliRunner.Result result = CliRunner.run("diff", runA.toString(), runA.toString());

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).startsWith("1 node, no differences");
    }

    @Test
    void moduleFilterKeepsOnlyThatModule() throws IOException {
        CliRunner.Result result = CliRunner.run("diff", runA.toString(), runB.toString(), "--module", "sysctl", "--json");

        JsonNode changes = JSON.readTree(result.out()).get("nodes").get(0).get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("fact").asText()).isEqualTo("vm.swappiness");
    }

    @Test
    void twoCollectionsOfThisMachineReportNothingVolatile() throws IOException {
        String tags = "cpuinfo,meminfo,sysctl,kernel,cpu_vulnerabilities,network,block";
        Path first = temp.resolve("self-1");
        Path second = temp.resolve("self-2");
        for (Path output : List.of(first, second)) {
            CliRunner.Result collected = CliRunner.run("-u", output.getFileName().toString(), "-n", "self",
                    "--tags", tags, "--output", output.toString(),
                    "--termination-log", temp.resolve("termination.log").toString());
            assertThat(collected.exitCode()).as(collected.err()).isZero();
        }

        CliRunner.Result result = CliRunner.run("diff", first.toString(), second.toString(), "--json");

        JsonNode diff = JSON.readTree(result.out());
        assertThat(diff.get("nodes")).as("differences between two collections a moment apart: %s", result.out())
                .isEmpty();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(diff.get("volatile_ignored").asInt()).as("free memory at least moved").isPositive();

        CliRunner.Result all = CliRunner.run("diff", first.toString(), second.toString(), "--all", "--json");
        assertThat(all.exitCode()).isEqualTo(ExitCodes.DIFFERENT);
        assertThat(JSON.readTree(all.out()).get("differences").asInt()).as("--all shows what was ignored")
                .isEqualTo(diff.get("volatile_ignored").asInt());
    }

    @Test
    void nodesOfOneRunAreComparedWithUuid() throws IOException {
        Path fleet = temp.resolve("fleet");
        CompareRuns.copyAsNode(runA, fleet.resolve("a"), "worker-0");
        CompareRuns.copyAsNode(runB, fleet.resolve("b"), "worker-1");

        CliRunner.Result result = CliRunner.run("diff", "worker-0", "worker-1", "--uuid", fleet.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DIFFERENT);
        JsonNode diff = JSON.readTree(result.out());
        assertThat(diff.get("differences").asInt()).isEqualTo(2);
        assertThat(diff.get("nodes").get(0).get("node").asText()).isEqualTo("worker-0 → worker-1");
    }

    @Test
    void renamedNodesArePairedWithMapAndUnpairedOnesListed() throws IOException {
        Path renamed = temp.resolve("renamed");
        CompareRuns.copyAsNode(runB, renamed, "worker-9");

        CliRunner.Result unpaired = CliRunner.run("diff", runA.toString(), renamed.toString(), "--json");
        JsonNode nodes = JSON.readTree(unpaired.out()).get("nodes");
        assertThat(nodes).extracting(n -> n.get("status").asText()).containsExactly("only_in_a", "only_in_b");

        CliRunner.Result paired = CliRunner.run("diff", runA.toString(), renamed.toString(), "--map", "worker-0=worker-9",
                "--json");
        assertThat(JSON.readTree(paired.out()).get("differences").asInt()).isEqualTo(2);
    }

    @Test
    void showListsTheHeadlineFacts() throws IOException {
        CliRunner.Result table = CliRunner.run("show", runA.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("worker-0").containsPattern("CPU\\s+AMD EPYC").contains("Kernel");

        CliRunner.Result json = CliRunner.run("show", runA.toString(), "--json");
        JsonNode node = JSON.readTree(json.out()).get("nodes").get(0);
        assertThat(node.get("node").asText()).isEqualTo("worker-0");
        assertThat(node.get("cpu_model").asText()).isNotBlank();
        assertThat(node.get("memory_bytes").asLong()).isPositive();
        assertThat(node.get("kernel").asText()).isNotBlank();
        assertThat(node.get("nics")).isNotEmpty();
    }

    @Test
    void reportWritesOnePageWithTheSummary() throws IOException {
        Path page = temp.resolve("report.html");
        CliRunner.Result result = CliRunner.run("report", runA.toString(), runB.toString(), "-o", page.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("1 node, 2 differences").contains("vm.swappiness").contains("-avx512f")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void badInputIsOneLineWithExitTwoOrOne() throws IOException {
        Path notOutput = Files.createDirectories(temp.resolve("not-output"));
        Files.writeString(notOutput.resolve("notes.txt"), "hello");
        assertOneLine(CliRunner.run("diff", temp.resolve("nope").toString(), runB.toString()), ExitCodes.USAGE,
                "is not a folder");
        assertOneLine(CliRunner.run("diff", "some-uuid", runB.toString()), ExitCodes.USAGE,
                "to read uuid some-uuid from a search server, give -s/--server");
        assertOneLine(CliRunner.run("diff", notOutput.toString(), runB.toString()), ExitCodes.USAGE,
                "is not a backpack output folder");
        assertOneLine(CliRunner.run("diff", runA.toString(), runB.toString(), "--module", "bogus"), ExitCodes.USAGE,
                "unknown module bogus in --module");
        assertOneLine(CliRunner.run("diff", runA.toString(), runB.toString(), "--module", "dmidecode"), ExitCodes.USAGE,
                "has no documents in module dmidecode");
        assertOneLine(CliRunner.run("diff", runA.toString(), runB.toString(), "--map", "nonsense"), ExitCodes.USAGE,
                "--map nonsense is not a=b");
        assertOneLine(CliRunner.run("diff", "some-uuid", "other", "-s", "http://127.0.0.1:1", "--timeout", "2s"),
                ExitCodes.FAILURE, "cannot connect to http://127.0.0.1:1");
        assertOneLine(CliRunner.run("show", "some-uuid"), ExitCodes.USAGE, "give -s/--server");
        assertOneLine(CliRunner.run("diff", runA.toString()), ExitCodes.USAGE, "Missing required parameter");
    }

    private static void assertOneLine(CliRunner.Result result, int code, String text) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(code);
        assertThat(result.err()).contains(text).startsWith("backpack: ");
        assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
    }
}
