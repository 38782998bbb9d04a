package dev.backpack.e2e.badinput;

import com.fasterxml.jackson.core.type.TypeReference;

import java.util.List;

/**
 * One row of the good-Benchmark table: an edge-case spec users really write that must be accepted, and
 * rendered without changing a byte of what they typed.
 */
public record GoodBenchmarkCase(String name, String spec) {

    public static List<GoodBenchmarkCase> all() {
        return BenchmarkTable.read("/good-benchmarks/cases.json", new TypeReference<>() {
        });
    }

    public String yaml(String namespace) {
        return BenchmarkTable.benchmark("good-" + name, namespace, spec);
    }

    @Override
    public String toString() {
        return name;
    }
}
