package dev.backpack.e2e.scenario;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.ElasticsearchSpec;
import dev.backpack.model.validation.InvalidBenchmarkException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The reference document's example CRs (shared with the model's tests), pointed at the test's search server. */
final class Benchmarks {
    private Benchmarks() {
    }

    static Benchmark reference(String file, String name, ClusterUnderTest cluster) {
        Benchmark b = parse(read("/reference/" + file));
        b.getMetadata().setName(name);
        b.getMetadata().setNamespace(cluster.namespace());
        if (b.getSpec().getElasticsearch() != null) {
            pointAtSearch(b, cluster);
        }
        if (cluster.agentServiceAccount() != null && b.getSpec().getMetadata() != null) {
            b.getSpec().getMetadata().setServiceaccount(cluster.agentServiceAccount());
        }
        return b;
    }

    static void pointAtSearch(Benchmark b, ClusterUnderTest cluster) {
        if (b.getSpec().getElasticsearch() == null) {
            b.getSpec().setElasticsearch(new ElasticsearchSpec());
        }
        b.getSpec().getElasticsearch().setServer(cluster.searchServerForPods());
        b.getSpec().getElasticsearch().setPort(cluster.searchPortForPods());
    }

    static Benchmark parse(String yaml) {
        try {
            return BenchmarkYaml.parse(yaml);
        } catch (InvalidBenchmarkException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Benchmarks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
