package dev.backpack.e2e.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backpack.agent.cli.CliEnvironment;
import dev.backpack.agent.cli.CommandLineFactory;
import dev.backpack.agent.cli.SinkSelector;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.ProcessCommandRunner;
import dev.backpack.agent.sink.files.FileSink;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import dev.backpack.e2e.servers.SearchServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backpack diff} and {@code show} reading a real server, for runs of 1 and 50 nodes built from real
 * collections, checked against the same runs read from output folders; one runner per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CompareScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLEET = 50;
    private static final String CHANGED_NODE = "node-07";

    private Path temp;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String oneA = "one-a-" + suffix;
    private final String oneB = "one-b-" + suffix;
    private final String fleetA = "fleet-a-" + suffix;
    private final String fleetB = "fleet-b-" + suffix;
    private Path folderA;
    private Path folderB;

    protected abstract SearchServer server();

    record Result(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    void buildRuns(@TempDir Path dir) throws IOException {
        temp = dir;
        Path changedTree = RealRuns.changedCopy(temp.resolve("changed-host"));
        folderA = temp.resolve("folder-a");
        folderB = temp.resolve("folder-b");
        RealRuns.collect(RealRuns.FIXTURES.resolve("firecracker-vm"), oneA, "worker-0", new FileSink(folderA));
        RealRuns.collect(changedTree, oneB, "worker-0", new FileSink(folderB));
        // The one-node runs go through the real sink, as agents index them.
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(server().url(), null),
                Optional.empty(), TlsSettings.verifyWithSystemTrust(), 3, Duration.ofSeconds(60)))) {
            RealRuns.collect(RealRuns.FIXTURES.resolve("firecracker-vm"), oneA, "worker-0", sink);
            RealRuns.collect(changedTree, oneB, "worker-0", sink);
        }
        // The 50-node runs: the same real documents as 50 nodes; node-07 is the changed machine in run B.
        List<ObjectNode> same = RealRuns.documents(folderA);
        List<ObjectNode> changed = RealRuns.documents(folderB);
        List<ObjectNode> a = new ArrayList<>();
        List<ObjectNode> b = new ArrayList<>();
        for (int i = 0; i < FLEET; i++) {
            String node = String.format("node-%02d", i);
            List<ObjectNode> nodeA = RealRuns.as(same, fleetA, node);
            List<ObjectNode> nodeB = RealRuns.as(node.equals(CHANGED_NODE) ? changed : same, fleetB, node);
            a.addAll(nodeA);
            b.addAll(nodeB);
            RealRuns.writeFolder(nodeA, temp.resolve("fleet-a").resolve(node));
            RealRuns.writeFolder(nodeB, temp.resolve("fleet-b").resolve(node));
        }
        RealRuns.bulk(server(), a);
        RealRuns.bulk(server(), b);
        server().request("POST", "/_refresh", null);
    }

    private Result backpack(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(false, Map.of(), t -> KubernetesAccess.none("e2e"),
                new ProcessCommandRunner(""), () -> "e2e", "amd64");
        int code = CommandLineFactory.create(environment, new PrintWriter(out), new PrintWriter(err), new SinkSelector())
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void oneNodeRunsDifferByTheSysctlAndTheCpuFlagOnTheServerAsInTheFolders() throws IOException {
        Result fromServer = backpack("diff", oneA, oneB, "-s", server().url(), "--json");
        Result fromFolders = backpack("diff", folderA.toString(), folderB.toString(), "--json");

        assertThat(fromServer.exitCode()).as(fromServer.err()).isEqualTo(3);
        JsonNode diff = fromServer.json();
        assertThat(diff.get("nodes_compared").asInt()).isEqualTo(1);
        assertThat(diff.get("differences").asInt()).isEqualTo(2);
        JsonNode changes = diff.get("nodes").get(0).get("changes");
        assertThat(changes.get(0).get("fact").asText()).isEqualTo("flags");
        assertThat(changes.get(0).get("removed").get(0).asText()).isEqualTo("avx512f");
        assertThat(changes.get(1).get("fact").asText()).isEqualTo("vm.swappiness");
        assertThat(changes.get(1).get("before").asText() + "→" + changes.get(1).get("after").asText()).isEqualTo("60→10");
        assertThat(diff.get("nodes")).isEqualTo(fromFolders.json().get("nodes"));
    }

    @Test
    void aRunComparedWithItselfIsTheSame() throws IOException {
        Result result = backpack("diff", fleetA, fleetA, "-s", server().url(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("nodes_compared").asInt()).isEqualTo(FLEET);
        assertThat(result.json().get("nodes")).isEmpty();
    }

    @Test
    void fiftyNodeRunsShowOnlyTheChangedNodeOnTheServerAsInTheFolders() throws IOException {
        Result fromServer = backpack("diff", fleetA, fleetB, "-s", server().url(), "--json");
        Result fromFolders = backpack("diff", temp.resolve("fleet-a").toString(), temp.resolve("fleet-b").toString(),
                "--json");

        assertThat(fromServer.exitCode()).as(fromServer.err()).isEqualTo(3);
        JsonNode diff = fromServer.json();
        assertThat(diff.get("nodes_compared").asInt()).isEqualTo(FLEET);
        assertThat(diff.get("nodes_same").asInt()).isEqualTo(FLEET - 1);
        assertThat(diff.get("differences").asInt()).isEqualTo(2);
        assertThat(diff.get("nodes").get(0).get("node").asText()).isEqualTo(CHANGED_NODE);
        assertThat(diff.get("nodes")).isEqualTo(fromFolders.json().get("nodes"));
        assertThat(fromFolders.json().get("nodes_compared").asInt()).isEqualTo(FLEET);
    }

    @Test
    void twoNodesOfOneRunAreCompared() throws IOException {
        Result result = backpack("diff", "node-00", CHANGED_NODE, "--uuid", fleetB, "-s", server().url(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        assertThat(result.json().get("differences").asInt()).isEqualTo(2);
        assertThat(result.json().get("nodes").get(0).get("node").asText()).isEqualTo("node-00 → " + CHANGED_NODE);
    }

    @Test
    void showListsEveryNodeOfTheRun() throws IOException {
        Result result = backpack("show", fleetA, "-s", server().url(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode nodes = result.json().get("nodes");
        assertThat(nodes).hasSize(FLEET);
        assertThat(nodes.get(0).get("node").asText()).isEqualTo("node-00");
        assertThat(nodes.get(0).get("cpu_model").asText()).isNotBlank();
        assertThat(nodes.get(0).get("memory_bytes").asLong()).isPositive();
    }

    @Test
    void aNodeWithMoreDocumentsThanOnePageIsReadWhole() throws IOException {
        String a = "big-a-" + suffix;
        String b = "big-b-" + suffix;
        List<ObjectNode> docsA = new ArrayList<>();
        List<ObjectNode> docsB = new ArrayList<>();
        for (int i = 0; i < 10_050; i++) {
            ObjectNode doc = JSON.createObjectNode().put("module", "packages").put("source_type", "rpm");
            doc.putObject("value").put("name", "pkg-" + i).put("version", "1." + i).put("arch", "x86_64");
            docsA.addAll(RealRuns.as(List.of(doc), a, "big"));
            if (i == 10_049) {
                ((ObjectNode) doc.get("value")).put("version", "2.0");
            }
            docsB.addAll(RealRuns.as(List.of(doc), b, "big"));
        }
        RealRuns.bulk(server(), docsA);
        RealRuns.bulk(server(), docsB);

        Result result = backpack("diff", a, b, "-s", server().url(), "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        JsonNode changes = result.json().get("nodes").get(0).get("changes");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("fact").asText()).isEqualTo("pkg-10049.x86_64.version");
    }

    @Test
    void badInputIsOneLine() {
        Result unknown = backpack("diff", "no-such-uuid-" + suffix, oneB, "-s", server().url());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("backpack: no documents with uuid no-such-uuid-").doesNotContain("\n");

        Result noModule = backpack("diff", oneA, oneB, "-s", server().url(), "--module", "dmidecode");
        assertThat(noModule.exitCode()).isEqualTo(2);
        assertThat(noModule.err().strip()).isEqualTo("backpack: " + oneA + " has no documents in module dmidecode; "
                + "it was not collected there (see the run's summary), or drop it from --module");
    }
}
