package dev.backpack.e2e.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.cli.CliRunner.Result;
import dev.backpack.agent.cli.CliRunner;
import dev.backpack.agent.sink.search.BasicCredentials;
import dev.backpack.contract.IndexNames;
import dev.backpack.e2e.servers.SearchServer;
import dev.backpack.e2e.servers.SearchServers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document format does not depend on the server: the agent's collection of one host (same uuid and
 * node) indexed into every server version lands in the same indexes under the same {@code _id}s.
 */
class SameIdsOnEveryServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void oneCollectionIndexedIntoEveryServerHasTheSameIndexesAndIds() throws Exception {
        String uuid = TestDocuments.newUuid();
        Map<SearchServers, Set<String>> stored = new EnumMap<>(SearchServers.class);
        List<String> skipped = new ArrayList<>();
        for (SearchServers version : SearchServers.values()) {
            SearchServer server;
            try {
                server = version.server();
            } catch (TestAbortedException e) {
                skipped.add(version + ": " + e.getMessage());
                continue;
            }
            Result run = CliRunner.run(Map.of(), args(server, uuid));
            assertThat(run.exitCode()).as(version + ": " + run.err()).isZero();
            stored.put(version, indexesAndIds(server, uuid));
        }
        Assumptions.assumeTrue(stored.size() >= 2, "fewer than two servers could start: " + skipped);

        Set<String> first = stored.values().iterator().next();
        assertThat(first).anyMatch(id -> id.startsWith("cpuinfo-metadata/"))
                .anyMatch(id -> id.startsWith("sysctl-metadata/"))
                .anyMatch(id -> id.startsWith(IndexNames.RAW + "/"));
        stored.forEach((version, ids) -> assertThat(ids).as(version.toString()).isEqualTo(first));
    }

    private String[] args(SearchServer server, String uuid) throws IOException {
        List<String> args = new ArrayList<>(List.of("-s", server.url(), "-u", uuid, "-n", "same-node", "-N", "same-pod",
                "--tags", "common", "--host-root", TestDocuments.CAPTURED_HOST.toString(),
                "--termination-log", dir.resolve("termination-log").toString()));
        if (server.credentials().isPresent()) {
            BasicCredentials credentials = server.credentials().get();
            args.addAll(List.of("--username-file", Files.writeString(dir.resolve("username"), credentials.username())
                    .toString(), "--password-file", Files.writeString(dir.resolve("password"), credentials.password())
                    .toString()));
        }
        if (server.tls().caCert() != null) {
            args.addAll(List.of("--cacert", server.tls().caCert().toString()));
        }
        return args.toArray(String[]::new);
    }

    /** {@code <index>/<_id>} of every document of this uuid on the server. */
    private static Set<String> indexesAndIds(SearchServer server, String uuid) throws IOException {
        String indexes = "/*" + IndexNames.SUFFIX + "," + IndexNames.RAW;
        server.request("POST", indexes + "/_refresh", null);
        JsonNode hits = JSON.readTree(server.request("POST", indexes + "/_search", "{\"size\":10000,"
                + "\"_source\":false,\"query\":{\"term\":{\"uuid\":\"" + uuid + "\"}}}").body()).path("hits");
        Set<String> ids = new TreeSet<>();
        hits.path("hits").forEach(hit -> ids.add(hit.get("_index").asText() + "/" + hit.get("_id").asText()));
        assertThat(ids).as(hits.path("total").toString()).hasSize(hits.path("hits").size());
        return ids;
    }
}
