package dev.backpack.e2e.badinput;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a table of Benchmark specs (a JSON list in the test resources) and wraps a row's spec as a Benchmark. */
final class BenchmarkTable {
    private BenchmarkTable() {
    }

    static <T> List<T> read(String resource, TypeReference<List<T>> type) {
        try (InputStream in = BenchmarkTable.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String benchmark(String name, String namespace, String spec) {
        String indented = spec.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
        return "apiVersion: ripsaw.cloudbulldozer.io/v1alpha1\nkind: Benchmark\nmetadata:\n  name: " + name
                + "\n  namespace: " + namespace + "\nspec:\n" + indented + "\n";
    }
}
