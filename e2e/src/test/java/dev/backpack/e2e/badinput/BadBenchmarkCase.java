package dev.backpack.e2e.badinput;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** One row of the bad-Benchmark table: a spec as a user might write it, and the field the error must name. */
public record BadBenchmarkCase(String name, String spec, String field, String message) {

    public static List<BadBenchmarkCase> all() {
        try (InputStream in = BadBenchmarkCase.class.getResourceAsStream("/bad-benchmarks/cases.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String yaml(String namespace) {
        String indented = spec.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
        return "apiVersion: ripsaw.cloudbulldozer.io/v1alpha1\nkind: Benchmark\nmetadata:\n  name: bad-" + name
                + "\n  namespace: " + namespace + "\nspec:\n" + indented + "\n";
    }

    @Override
    public String toString() {
        return name;
    }
}
