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
import dev.backpack.agent.sink.DeliveryReport;
import dev.backpack.agent.sink.DocumentSink;
import dev.backpack.contract.DocumentIds;
import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;
import dev.backpack.contract.TagSelection;
import redis.clients.jedis.Jedis;
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
 * collections ran (must equal N), duplicate documents (must be 0) and documents found in the index
 * afterwards (must equal documents + one raw result per node, also when the server answers 429). In the
 * same run: the same documents sent straight to {@code _bulk} (one request per node, as an agent sends
 * them, from as many threads) as the baseline, and the de-duplicated re-run (same uuid: every agent
 * skips) with its Redis commands per agent from {@code INFO commandstats}. Run by {@code bench/scale.sh}.
 */
public final class FleetBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TAGS = List.of("cpu", "memory", "kernel", "cpu_vulnerabilities", "network", "block");

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "10,100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int racers = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        boolean baseline = args.length <= 3 || !args[3].equals("no-baseline");
        System.out.println("nodes,agents_per_node,total_s,documents,docs_per_s,collections,skipped,duplicate_documents,"
                + "documents_in_index,raw_bulk_s,raw_bulk_docs_per_s,ratio_to_raw_bulk,rerun_s,rerun_collections,redis_commands_per_agent");
        try {
            for (int n : sizes) {
                System.out.println(run(n, racers, threads, baseline));
            }
        } finally {
            Servers.stopAll();
        }
        System.exit(0);
    }

    static String run(int nodes, int racers, int threads, boolean baseline) throws Exception {
        String uuid = "fleet-" + nodes + "-" + UUID.randomUUID();
        String search = Servers.openSearch().url();
        Fleet first = fleet(uuid, nodes, racers, threads);
        long duplicates = duplicateDocuments(search, uuid);
        long inIndex = documentsInIndex(search, uuid);
        long before = redisCommands();
        Fleet again = fleet(uuid, nodes, racers, threads);
        double perAgent = (redisCommands() - before - 1) / (double) (nodes * racers);
        String raw = ",,";
        if (baseline) {
            double rawSeconds = rawBulk(search, nodes, threads);
            raw = String.format("%.2f,%.0f,%.2f", rawSeconds, first.documents / rawSeconds,
                    rawSeconds / first.seconds);
        }
        return nodes + "," + racers + "," + String.format("%.2f", first.seconds) + "," + first.documents + ","
                + String.format("%.0f", first.documents / first.seconds) + "," + first.collections + "," + first.skipped
                + "," + duplicates + "," + inIndex + "," + raw + "," + String.format("%.2f,%d,%.1f", again.seconds, again.collections, perAgent);
    }

    record Fleet(double seconds, int documents, int collections, int skipped) {
    }

    static Fleet fleet(String uuid, int nodes, int racers, int threads) throws Exception {
        String search = Servers.openSearch().url();
        RedisSettings redis = RedisSettings.forRun(Servers.redis().host(), Servers.redis().port(), Duration.ofMinutes(5));
        CollectionRunner runner = new CollectionRunner();
        ClaimedRun claimed = new ClaimedRun(runner);
        AtomicInteger collections = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger documents = new AtomicInteger();
        java.util.Map<String, AtomicInteger> reasons = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try (SearchSink sink = new SearchSink(SearchSinkConfig.of(ServerAddress.parse(search, null), Optional.empty(),
                TlsSettings.verifyWithSystemTrust(), 3, Duration.ofMinutes(5)).sharedByConcurrentRuns(threads))) {
            List<Future<?>> all = new ArrayList<>();
            for (int r = 0; r < racers; r++) {
                for (int i = 0; i < nodes; i++) {
                    String node = "sim-node-" + i;
                    String pod = "agent-" + i + "-" + r;
                    all.add(pool.submit(() -> {
                        RunSettings settings = settings(uuid, node, pod);
                        ClaimedRun.Result result = claimed.run(settings, sink, Optional.of(redis), false, RunListener.NONE);
                        reasons.computeIfAbsent(result.skipped() ? "skip: " + result.claim().reason().replaceAll(" for uuid .*", "")
                                : "collect: " + result.claim().reason(), k -> new AtomicInteger()).incrementAndGet();
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
        // Why each agent collected or skipped: an extra collection shows up here with its reason.
        System.err.println("fleet " + uuid + " claims: " + new java.util.TreeMap<>(reasons));
        return new Fleet(seconds, documents.get(), collections.get(), skipped.get());
    }

    static RunSettings settings(String uuid, String node, String pod) {
        return new RunSettings(uuid, node, pod, Path.of("/"), TagSelection.of(TAGS, List.of()),
                KubernetesAccess.none("fleet benchmark: no cluster"), new ProcessCommandRunner(System.getenv("PATH")),
                CollectorCatalog.machineOf(System.getProperty("os.arch")));
    }

    /**
     * The baseline: one node's documents collected once, then for every node the same documents under
     * that node's name and their own ids, one {@code _bulk} request per node (an agent's whole delivery,
     * raw result included) from {@code threads} threads over the JDK client. The bodies are built before
     * the clock starts: this is the server's speed, what the agent's own work is compared against.
     */
    static double rawBulk(String search, int nodes, int threads) throws Exception {
        String uuid = "raw-bulk-" + nodes + "-" + UUID.randomUUID();
        List<MetadataDocument> captured = new ArrayList<>();
        RawResultDocument[] capturedRaw = new RawResultDocument[1];
        new CollectionRunner().run(settings(uuid, "sim-node", "raw"), new DocumentSink() {
            @Override
            public DeliveryReport deliver(List<MetadataDocument> documents, RawResultDocument raw) {
                captured.addAll(documents);
                capturedRaw[0] = raw;
                return new DeliveryReport(java.util.Map.of(), true);
            }

            @Override
            public String describe() {
                return "capture";
            }
        });
        List<String> bodies = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            String node = "sim-node-" + i;
            StringBuilder body = new StringBuilder();
            for (MetadataDocument d : captured) {
                append(body, d.index(), DocumentIds.sha256(d.id() + node), new MetadataDocument(null, d.module(), node,
                        d.sourceType(), d.value(), uuid, node, "raw-" + i, d.timestamp(), d.backpackVersion()));
            }
            RawResultDocument r = capturedRaw[0];
            append(body, IndexNames.RAW, DocumentIds.sha256(r.id() + node),
                    new RawResultDocument(null, node, uuid, node, "raw-" + i, r.timestamp(), r.backpackVersion(), r.facts()));
            bodies.add(body.toString());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (String body : bodies) {
                all.add(pool.submit(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(search + "/_bulk"))
                            .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || JSON.readTree(response.body()).get("errors").asBoolean()) {
                        throw new IllegalStateException("raw _bulk failed: " + response.statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void append(StringBuilder body, String index, String id, Object source) throws Exception {
        body.append("{\"create\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(id).append("\"}}\n")
                .append(JSON.writeValueAsString(source)).append('\n');
    }

    /** Every document of the uuid in the metadata indices and the raw index. */
    static long documentsInIndex(String search, String uuid) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String query = "{\"query\":{\"bool\":{\"should\":[{\"term\":{\"uuid\":\"" + uuid + "\"}},"
                + "{\"term\":{\"uuid.keyword\":\"" + uuid + "\"}}],\"minimum_should_match\":1}}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(search + "/*-metadata,"
                        + IndexNames.RAW + "/_count")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("count").asLong();
    }

    /** Commands Redis has run so far (the sum of {@code INFO commandstats} calls; the INFO itself counts once). */
    static long redisCommands() {
        try (Jedis jedis = new Jedis(Servers.redis().host(), Servers.redis().port())) {
            return jedis.info("commandstats").lines().filter(l -> l.startsWith("cmdstat_"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll(".*calls=(\\d+).*", "$1"))).sum();
        }
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
