package dev.backpack.e2e.badinput;

import com.fasterxml.jackson.core.type.TypeReference;

import java.util.List;

/** One row of the bad-Benchmark table: a spec as a user might write it, and the field the error must name. */
public record BadBenchmarkCase(String name, String spec, String field, String message) {

    public static List<BadBenchmarkCase> all() {
        return BenchmarkTable.read("/bad-benchmarks/cases.json", new TypeReference<>() {
        });
    }

    public String yaml(String namespace) {
        return BenchmarkTable.benchmark("bad-" + name, namespace, spec);
    }

    @Override
    public String toString() {
        return name;
    }
}
