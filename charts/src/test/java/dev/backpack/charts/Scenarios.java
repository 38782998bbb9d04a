package dev.backpack.charts;

import java.nio.file.Path;
import java.util.stream.Stream;

/** The values matrix: the chart's defaults plus every file under src/test/resources/values. */
final class Scenarios {
    static final String DEFAULTS = "defaults";
    static final String[] FILES = {
            "external-redis.yaml", "no-redis.yaml", "multi-namespace.yaml", "custom-agent-image.yaml",
            "leader-election.yaml", "workload-templates.yaml", "agent-namespaces.yaml", "pull-secrets.yaml"};

    private Scenarios() {
    }

    static Stream<String> all() {
        return Stream.concat(Stream.of(DEFAULTS), Stream.of(FILES));
    }

    static Rendered render(Chart chart, String scenario) {
        Path values = DEFAULTS.equals(scenario) ? null : TestResources.path("values/" + scenario);
        return chart.render(values);
    }
}
