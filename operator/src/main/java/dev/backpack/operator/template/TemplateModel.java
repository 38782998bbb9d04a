package dev.backpack.operator.template;

import java.util.List;
import java.util.Map;

/**
 * What a workload template sees. Typed so that a template author can read here what exists instead of
 * guessing at an untyped map; records' components are read in FreeMarker as {@code metadata.image}.
 *
 * @param benchmark the Benchmark's name and namespace
 * @param uuid      the benchmark's uuid (also the label value that ties pods to it)
 * @param shortUuid the first 8 characters of the uuid, for object names
 * @param workload  the workload name ({@code spec.workload.name})
 * @param args      {@code spec.workload.args}, as the user wrote them (numbers stay numbers)
 */
public record TemplateModel(Benchmark benchmark, String uuid, String shortUuid, String workload,
                            Map<String, Object> args, Metadata metadata, Elasticsearch elasticsearch, Redis redis) {

    public TemplateModel {
        args = args == null ? Map.of() : args;
    }

    public record Benchmark(String name, String namespace) {
    }

    /** The effective metadata settings, defaults applied (image is the operator's default when unset). */
    public record Metadata(boolean collection, boolean targeted, boolean privileged, String serviceaccount,
                           String image, boolean force, List<String> tags, List<String> skipTags,
                           List<List<String>> label) {
    }

    /** Where documents go; {@code server} as the user wrote it (host or URL), credentials never included. */
    public record Elasticsearch(String server, int port, boolean insecureSkipVerify) {
    }

    /** The Redis Service the agents share for de-duplication; {@code enabled} is false when none is configured. */
    public record Redis(boolean enabled, String host, int port) {
    }
}
