package dev.backpack.e2e.bench;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.BackpackOperator;
import dev.backpack.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Operator at scale: N Benchmarks created at once against the CRUD mock API; measures the time until
 * every one has its workload and its status (uuid and state), per-Benchmark p50/p99, and the heap after.
 * Run by {@code bench/run.sh}; prints one CSV row per N.
 */
public final class OperatorScaleBench {
    private static final String NS = "bench";

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "100,250,500,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        System.out.println("benchmarks,total_s,p50_ms,p99_ms,max_ms,heap_after_mib");
        for (int n : sizes) {
            System.out.println(run(n).csv());
        }
        System.exit(0);
    }

    record Result(int n, double totalSeconds, long p50, long p99, long max, long heapMib) {
        String csv() {
            return n + "," + String.format("%.2f", totalSeconds) + "," + p50 + "," + p99 + "," + max + "," + heapMib;
        }
    }

    static Result run(int n) throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        KubernetesClient client = server.createClient();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("backpack.chartCrd",
                "charts/backpack/crds/benchmarks.ripsaw.cloudbulldozer.io-v1.yml")))) {
            client.resource(new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
        }
        Operator operator = BackpackOperator.create(OperatorConfig.defaults().withRedis("redis.backpack.svc", 6379), client);
        operator.start();
        try {
            Map<String, Long> createdAt = new ConcurrentHashMap<>();
            Map<String, Long> doneAt = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            List<Thread> creators = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                creators.add(new Thread(() -> {
                    for (int i = offset; i < n; i += 4) {
                        String name = "bench-" + i;
                        client.resource(benchmark(name)).create();
                        createdAt.put(name, System.nanoTime());
                    }
                }));
                creators.get(creators.size() - 1).start();
            }
            for (Thread t : creators) {
                t.join();
            }
            while (doneAt.size() < n) {
                Set<String> withJob = client.batch().v1().jobs().inNamespace(NS).list().getItems().stream()
                        .map(j -> j.getMetadata().getLabels().get("backpack.dev/benchmark")).collect(Collectors.toSet());
                long now = System.nanoTime();
                for (Benchmark b : client.resources(Benchmark.class).inNamespace(NS).list().getItems()) {
                    String name = b.getMetadata().getName();
                    if (!doneAt.containsKey(name) && b.getStatus() != null && b.getStatus().getUuid() != null
                            && b.getStatus().getState() != null && withJob.contains(name)) {
                        doneAt.put(name, now);
                    }
                }
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("only " + doneAt.size() + " of " + n + " done after 10 minutes");
                }
                Thread.sleep(50); // a poll period of the measurement loop, not a test wait
            }
            double total = (doneAt.values().stream().mapToLong(Long::longValue).max().orElse(start) - start) / 1e9;
            long[] latencies = doneAt.entrySet().stream().mapToLong(e -> (e.getValue() - createdAt.get(e.getKey())) / 1_000_000)
                    .sorted().toArray();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
            return new Result(n, total, percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1], heap);
        } finally {
            operator.stop();
            client.close();
            server.destroy();
        }
    }

    static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The reference document's targeted example, two clients, one per name. */
    private static Benchmark benchmark(String name) {
        try (InputStream in = OperatorScaleBench.class.getResourceAsStream("/reference/enable-collection-with-es.yaml")) {
            Benchmark b = BenchmarkYaml.parseValid(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            b.getMetadata().setName(name);
            b.getMetadata().setNamespace(NS);
            b.getSpec().getWorkload().getArgs().put("clients", 2);
            return b;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
