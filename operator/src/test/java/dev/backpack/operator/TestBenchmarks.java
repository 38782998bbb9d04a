package dev.backpack.operator;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.validation.InvalidBenchmarkException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** The reference document's example CRs (copied from the model module), as Benchmarks. */
public final class TestBenchmarks {
    private TestBenchmarks() {
    }

    public static String read(String path) {
        try (InputStream in = TestBenchmarks.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full reference CR, e.g. {@code daemonset-label.yaml}. */
    public static Benchmark reference(String file) {
        return parse(read("reference/" + file));
    }

    /**
     * A reference spec fragment (e.g. {@code metadata: {force: true}}) merged into the documented
     * "enable collection with Elasticsearch" CR, under the given name.
     */
    public static Benchmark referenceFragment(String file, String name) {
        return parse(withFragment(read("reference/" + file), name));
    }

    public static String withFragment(String fragment, String name) {
        String extra = fragment.lines().skip(1).map(l -> "  " + l).collect(Collectors.joining("\n"));
        return """
                apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                kind: Benchmark
                metadata:
                  name: %s
                  namespace: my-ripsaw
                spec:
                  elasticsearch:
                    server: "my.elastic.server.foo"
                    port: 9200
                  metadata:
                    collection: true
                %s
                  workload:
                    name: byowl
                    args:
                      image: "quay.io/jtaleric/uperf:testing"
                      clients: 1
                      commands: "echo Test"
                """.formatted(name, extra);
    }

    public static Benchmark parse(String yaml) {
        try {
            return BenchmarkYaml.parse(yaml);
        } catch (InvalidBenchmarkException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
