package dev.backpack.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

final class Resources {
    private Resources() {
    }

    static String read(String path) {
        try (InputStream in = Resources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wraps a reference-document fragment of spec (e.g. {@code metadata: {force: true}}) into a full CR. */
    static String benchmarkWithSpecFragment(String fragment) {
        String indented = fragment.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
        return """
                apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                kind: Benchmark
                metadata:
                  name: fragment
                  namespace: my-ripsaw
                spec:
                  workload:
                    name: byowl
                """ + indented + "\n";
    }
}
