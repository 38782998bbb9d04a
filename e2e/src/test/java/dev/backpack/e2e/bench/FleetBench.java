package dev.backpack.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backpack.agent.collector.CollectorCatalog;
import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.dedup.ClaimedRun;
import dev.backpack.agent.dedup.RedisSettings;
import dev.backpack.agent.host.ProcessCommandRunner;
import dev.backpack.agent.run.CollectionRunner;
import dev.backpack.agent.run.RunListener;
import dev.backpack.agent.run.RunSettings;
import dev.backpack.agent.sink.search.SearchSink;
import dev.backpack.agent.sink.search.SearchSinkConfig;
import dev.backpack.agent.sink.search.ServerAddress;
import dev.backpack.agent.sink.search.TlsSettings;
import dev.backpack.contract.TagSelection;
import dev.backpack.e2e.servers.Servers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fleet: N simulated nodes, each with R agents racing to collect it (the agent library in threads),
 * against one real Redis and one real OpenSearch. Reports total time, documents per second, how many
 * collections ran (must equal N) and duplicate documents (must be 0). Run by {@code bench/run.sh}.
 */
public final class FleetBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TAGS = List.of("cpu", "memory", "kernel", "cpu_vulnerabilities", "network", "block");

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "10,100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int racers = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        System.out.println("nodes,agents_per_node,total_s,documents,docs_per_s,collections,skipped,duplicate_documents");
        try {
            for (int n : sizes) {
                System.out.println(run(n, racers, threads));
            }
        } finally {
            Servers.stopAll();
        }
        System.exit(0);
    }

    static String run(int nodes, int racers, int threads) throws Exception {
        String uuid = "fleet-" + nodes + "-" + UUID.randomUUID();
        String search = Servers.openSearch().url();
        RedisSettings redis = RedisSettings.forRun(Servers.redis().host(), Servers.redis().port(), Duration.ofMinutes(5));
        CollectionRunner runner = new CollectionRunner();
        ClaimedRun claimed = new ClaimedRun(runner);
        TagSelection selection = TagSelection.of(TAGS, List.of());
        AtomicInteger collections = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger documents = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(search, null), Optional.empty(),
                TlsSettings.verifyWithSystemTrust(), 3, Duration.ofMinutes(5)))) {
            List<Future<?>> all = new ArrayList<>();
            for (int r = 0; r < racers; r++) {
                for (int i = 0; i < nodes; i++) {
                    String node = "sim-node-" + i;
                    String pod = "agent-" + i + "-" + r;
                    all.add(pool.submit(() -> {
                        RunSettings settings = new RunSettings(uuid, node, pod, Path.of("/"), selection,
                                KubernetesAccess.none("fleet benchmark: no cluster"), new ProcessCommandRunner(System.getenv("PATH")),
                                CollectorCatalog.machineOf(System.getProperty("os.arch")));
                        ClaimedRun.Result result = claimed.run(settings, sink, Optional.of(redis), false, RunListener.NONE);
                        if (result.skipped()) {
                            skipped.incrementAndGet();
                        } else {
                            collections.incrementAndGet();
                            documents.addAndGet(result.summary().modules().stream().mapToInt(m -> m.documents()).sum());
                        }
                    }));
                }
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long duplicates = duplicateDocuments(search, uuid);
        return nodes + "," + racers + "," + String.format("%.2f", seconds) + "," + documents.get() + ","
                + String.format("%.0f", documents.get() / seconds) + "," + collections.get() + "," + skipped.get() + "," + duplicates;
    }

    /** cpuinfo is one document per node per collection: any node holding more than one is a duplicate. */
    static long duplicateDocuments(String search, String uuid) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(search + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        for (String field : List.of("node_name.keyword", "node_name")) {
            String query = "{\"size\":0,\"query\":{\"bool\":{\"should\":[{\"term\":{\"uuid\":\"" + uuid + "\"}},"
                    + "{\"term\":{\"uuid.keyword\":\"" + uuid + "\"}}],\"minimum_should_match\":1}},"
                    + "\"aggs\":{\"n\":{\"terms\":{\"field\":\"" + field + "\",\"size\":100000,\"min_doc_count\":2}}}}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(search + "/cpuinfo-metadata/_search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode buckets = JSON.readTree(response.body()).at("/aggregations/n/buckets");
                long extra = 0;
                for (JsonNode b : buckets) {
                    extra += b.get("doc_count").asLong() - 1;
                }
                return extra;
            }
        }
        throw new IllegalStateException("cannot count duplicates in cpuinfo-metadata");
    }
}
