package dev.backpack.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backpack.agent.sink.files.FileSink;
import dev.backpack.e2e.compare.RealRuns;
import dev.backpack.e2e.servers.OpenSearchServer;
import dev.backpack.e2e.servers.Servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code backpack diff} of two N-node runs read from a real OpenSearch: one real collection of this
 * machine's / (the fleet bench's modules, or others), bulk-loaded as N nodes per run with every 100th
 * node of the second run changed (a CPU flag removed, a vulnerability status and, when collected,
 * vm.swappiness changed). Then the real jar runs under GNU time, with the default heap and a small one.
 * Prints CSV. Run by {@code bench/diff.sh}.
 *
 * <p>Arguments: sizes (default 100,1000), modules (default the fleet bench's), the agent jar.
 */
public final class DiffBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHANGED_EVERY = 100;
    private static final int NODES_PER_BULK = 20;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        String tags = args.length > 1 ? args[1] : "cpu,memory,kernel,cpu_vulnerabilities,network,block";
        Path jar = Path.of(args.length > 2 ? args[2] : "agent/target/backpack.jar");
        try {
            OpenSearchServer server = Servers.openSearch();
            Path work = Files.createTempDirectory("diff-bench");
            Path folder = work.resolve("collection");
            RealRuns.collect(Path.of("/"), "bench", "bench", new FileSink(folder), List.of(tags.split(",")));
            List<ObjectNode> documents = RealRuns.documents(folder);
            server.request("PUT", "/_template/diff-bench", "{\"index_patterns\":[\"*-metadata\"],\"settings\":"
                    + "{\"number_of_replicas\":0,\"refresh_interval\":\"-1\"}}");
            System.out.println("nodes,modules,documents_per_run,heap,wall_s,peak_rss_mib,differences,expected,exit_code");
            for (int nodes : sizes) {
                String suffix = UUID.randomUUID().toString().substring(0, 8);
                String a = "diff-a-" + nodes + "-" + suffix;
                String b = "diff-b-" + nodes + "-" + suffix;
                int expected = load(server, documents, a, b, nodes);
                for (String heap : List.of("default", "-Xmx64m")) {
                    List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", "java"));
                    if (!heap.equals("default")) {
                        command.add(heap);
                    }
                    command.addAll(List.of("-jar", jar.toString(), "diff", a, b, "-s", server.url(), "--json",
                            "--timeout", "5m"));
                    Path out = work.resolve("out.json");
                    Path err = work.resolve("err.txt");
                    int code = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                            .start().waitFor();
                    String time = Files.readString(err);
                    JsonNode diff = code == 0 || code == 3 ? JSON.readTree(out.toFile()) : null;
                    System.out.println(nodes + "," + tags.replace(',', ' ') + "," + documents.size() + "," + heap + ","
                            + String.format("%.1f", wallSeconds(time)) + "," + peakRssKib(time) / 1024 + ","
                            + (diff == null ? -1 : diff.get("differences").asInt()) + "," + expected + "," + code);
                    if (diff == null) {
                        System.err.println(time);
                    }
                }
            }
        } finally {
            Servers.stopAll();
        }
        System.exit(0);
    }

    /** Loads both runs; returns the differences the second run was given. */
    private static int load(OpenSearchServer server, List<ObjectNode> documents, String a, String b, int nodes) {
        int expected = 0;
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            String node = String.format("node-%04d", i);
            batch.addAll(RealRuns.as(documents, a, node));
            List<ObjectNode> second = RealRuns.as(documents, b, node);
            if (i % CHANGED_EVERY == 7) {
                expected += change(second);
            }
            batch.addAll(second);
            if ((i + 1) % NODES_PER_BULK == 0 || i == nodes - 1) {
                RealRuns.load(server, batch);
                batch.clear();
            }
        }
        server.request("PUT", "/*-metadata/_settings", "{\"index\":{\"refresh_interval\":null}}");
        server.request("POST", "/_refresh", null);
        return expected;
    }

    /** What an upgrade or a tuning session does to a node; returns how many differences that makes. */
    private static int change(List<ObjectNode> documents) {
        int changes = 0;
        boolean vulnerabilityChanged = false;
        for (ObjectNode d : documents) {
            ObjectNode value = (ObjectNode) d.get("value");
            String module = d.get("module").asText();
            if (module.equals("cpuinfo") && value.get("flags") instanceof ArrayNode flags && !flags.isEmpty()) {
                flags.remove(0);
                changes++;
            } else if (module.equals("sysctl") && value.path("key").asText().equals("vm.swappiness")) {
                value.put("value", value.path("value").asText().equals("1") ? "2" : "1");
                changes++;
            } else if (module.equals("cpu_vulnerabilities") && !vulnerabilityChanged
                    && !value.path("status").asText().equals("Vulnerable")) {
                value.put("status", "Vulnerable");
                vulnerabilityChanged = true;
                changes++;
            }
        }
        return changes;
    }

    private static double wallSeconds(String time) {
        for (String line : time.lines().toList()) {
            if (line.contains("Elapsed (wall clock)")) {
                String[] parts = line.substring(line.lastIndexOf(": ") + 2).trim().split(":");
                double s = 0;
                for (String p : parts) {
                    s = s * 60 + Double.parseDouble(p);
                }
                return s;
            }
        }
        return -1;
    }

    private static long peakRssKib(String time) {
        for (String line : time.lines().toList()) {
            if (line.contains("Maximum resident set size")) {
                return Long.parseLong(line.substring(line.lastIndexOf(": ") + 2).trim());
            }
        }
        return -1;
    }
}
