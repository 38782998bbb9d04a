package dev.backpack.model.validation;

import dev.backpack.contract.Tags;
import dev.backpack.model.ServerUserInfo;
import dev.backpack.model.v1alpha1.BenchmarkSpec;
import dev.backpack.model.v1alpha1.CaBundleRef;
import dev.backpack.model.v1alpha1.ElasticsearchSpec;
import dev.backpack.model.v1alpha1.MetadataSpec;
import dev.backpack.model.v1alpha1.SecretCredentials;
import dev.backpack.model.v1alpha1.WorkloadSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks what the CRD schema checks, and what it cannot (cross-field rules), so that a Benchmark that
 * bypassed the schema (an old CRD, a dry run) gets the same clear messages.
 */
public final class BenchmarkValidator {
    private static final int MAX_SERVER_LENGTH = 2048;

    private BenchmarkValidator() {
    }

    public static List<Violation> validate(BenchmarkSpec spec) {
        List<Violation> out = new ArrayList<>();
        if (spec == null) {
            out.add(new Violation("spec", "is missing; a Benchmark needs at least spec.workload.name"));
            return out;
        }
        validateWorkload(spec.getWorkload(), out);
        MetadataSpec metadata = spec.metadataOrDefaults();
        validateMetadata(metadata, out);
        validateElasticsearch(spec.getElasticsearch(), metadata.collectionEnabled(), out);
        return out;
    }

    /**
     * What is valid but probably not what the user meant: the Benchmark runs, and these are said (by
     * {@code render} and in the operator's log) rather than silently ignored.
     */
    public static List<Violation> warnings(BenchmarkSpec spec) {
        List<Violation> out = new ArrayList<>();
        MetadataSpec metadata = spec == null ? new MetadataSpec() : spec.metadataOrDefaults();
        if (metadata.targetedOrDefault() && !metadata.labelOrEmpty().isEmpty()) {
            out.add(new Violation("spec.metadata.label", "is ignored with targeted: true (the agents run in the"
                    + " workload's pods); set targeted: false to run them as a DaemonSet on the labelled nodes"));
        }
        return out;
    }

    private static void validateWorkload(WorkloadSpec workload, List<Violation> out) {
        if (workload == null || workload.getName() == null || workload.getName().isBlank()) {
            out.add(new Violation("spec.workload.name", "is required, e.g. 'byowl'"));
        }
        if (workload != null && workload.getArgs() != null) {
            validateConventionalArgs(workload.getArgs(), out);
        }
    }

    /**
     * The args every workload names alike ({@code image}, {@code nodeselector}) reach Kubernetes as they
     * are, so what Kubernetes would refuse is refused here, naming the arg, before any template runs.
     */
    private static void validateConventionalArgs(Map<String, Object> args, List<Violation> out) {
        if (args.get("image") instanceof String image && !image.isBlank()) {
            KubernetesValues.imageProblem(image).ifPresent(p -> out.add(new Violation("spec.workload.args.image", p)));
        }
        if (args.get("clients") instanceof Number clients && clients.doubleValue() > Integer.MAX_VALUE) {
            out.add(new Violation("spec.workload.args.clients", "is " + clients + "; at most " + Integer.MAX_VALUE
                    + " (the number of pods)"));
        }
        if (args.get("nodeselector") instanceof Map<?, ?> selector) {
            for (Map.Entry<?, ?> e : selector.entrySet()) {
                String key = String.valueOf(e.getKey());
                String field = "spec.workload.args.nodeselector[" + KubernetesValues.shorten(key) + "]";
                KubernetesValues.labelKeyProblem(key).ifPresent(p -> out.add(new Violation(field, p)));
                Object value = e.getValue();
                if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    out.add(new Violation(field, "the value must be a string, not a " + (value instanceof Map<?, ?> ? "mapping" : "list")));
                } else {
                    KubernetesValues.labelValueProblem(value == null ? null : String.valueOf(value))
                            .ifPresent(p -> out.add(new Violation(field, p)));
                }
            }
        }
    }

    private static void validateElasticsearch(ElasticsearchSpec es, boolean collection, List<Violation> out) {
        if (es == null || es.getServer() == null || es.getServer().isBlank()) {
            if (collection) {
                out.add(new Violation("spec.elasticsearch.server",
                        "metadata collection needs spec.elasticsearch.server (host or URL of Elasticsearch/OpenSearch)"));
            }
            return;
        }
        String server = es.getServer();
        if (server.length() > MAX_SERVER_LENGTH) {
            out.add(new Violation("spec.elasticsearch.server", "is " + server.length()
                    + " characters long; a host name or URL is at most " + MAX_SERVER_LENGTH));
        } else if (server.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            out.add(new Violation("spec.elasticsearch.server", "must not contain spaces or control characters"));
        }
        int schemeEnd = server.indexOf("://");
        String scheme = schemeEnd < 0 ? "http" : server.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            out.add(new Violation("spec.elasticsearch.server", "'" + ServerUserInfo.redact(server) + "': scheme '"
                    + scheme + "' is not http or https; e.g. https://es.example.com:9200 or es.example.com"));
        }
        if (es.getPort() != null && (es.getPort() < 1 || es.getPort() > 65535)) {
            out.add(new Violation("spec.elasticsearch.port", "must be between 1 and 65535, got " + es.getPort()));
        }
        SecretCredentials credentials = es.getCredentialsSecret();
        if (credentials != null && (credentials.getName() == null || credentials.getName().isBlank())) {
            out.add(new Violation("spec.elasticsearch.credentialsSecret.name", "is required: the Secret holding username and password"));
        }
        ServerUserInfo.of(server).ifPresent(userInfo -> {
            if (userInfo.username().isEmpty() || userInfo.password().isEmpty()) {
                out.add(new Violation("spec.elasticsearch.server", "'" + ServerUserInfo.redact(server)
                        + "': user info must be user:password (percent-encode special characters)"));
            } else if (credentials != null) {
                out.add(new Violation("spec.elasticsearch.server", "'" + ServerUserInfo.redact(server)
                        + "' carries credentials and credentialsSecret is set too: keep one (the Secret is safer)"));
            }
        });
        CaBundleRef ca = es.getCaBundle();
        if (ca != null && (ca.getSecretName() == null) == (ca.getConfigMapName() == null)) {
            out.add(new Violation("spec.elasticsearch.caBundle", "name exactly one of secretName or configMapName"));
        }
        if (ca != null && es.skipsTlsVerification()) {
            out.add(new Violation("spec.elasticsearch.insecureSkipVerify",
                    "cannot be true together with caBundle: either verify against the bundle or skip verification"));
        }
    }

    private static void validateMetadata(MetadataSpec metadata, List<Violation> out) {
        List<List<String>> label = metadata.labelOrEmpty();
        for (int i = 0; i < label.size(); i++) {
            List<String> pair = label.get(i);
            if (pair == null || pair.size() != 2) {
                out.add(new Violation("spec.metadata.label[" + i + "]", "must be a [key, value] pair, got "
                        + (pair == null ? "null" : pair.size() + " item" + (pair.size() == 1 ? "" : "s"))));
            } else {
                // Role labels (node-role.kubernetes.io/worker) have the empty value: [key, ''] selects them.
                String field = "spec.metadata.label[" + i + "]";
                KubernetesValues.labelKeyProblem(pair.get(0)).ifPresent(p -> out.add(new Violation(field, p)));
                KubernetesValues.labelValueProblem(pair.get(1)).ifPresent(p -> out.add(new Violation(field, p)));
            }
        }
        checkTags("spec.metadata.stockpileTags", metadata.getStockpileTags(), out);
        checkTags("spec.metadata.stockpile_tags", metadata.getStockpileTagsSnakeCase(), out);
        checkTags("spec.metadata.stockpileSkipTags", metadata.getStockpileSkipTags(), out);
        checkTags("spec.metadata.stockpile_skip_tags", metadata.getStockpileSkipTagsSnakeCase(), out);
        checkNotAll("spec.metadata.stockpileSkipTags", metadata.getStockpileSkipTags(), out);
        checkNotAll("spec.metadata.stockpile_skip_tags", metadata.getStockpileSkipTagsSnakeCase(), out);
        if (metadata.getServiceaccount() != null) {
            KubernetesValues.objectNameProblem(metadata.getServiceaccount())
                    .ifPresent(p -> out.add(new Violation("spec.metadata.serviceaccount", p)));
        }
        checkNotBoth("spec.metadata.stockpileTags", metadata.getStockpileTags(),
                "stockpile_tags", metadata.getStockpileTagsSnakeCase(), out);
        checkNotBoth("spec.metadata.stockpileSkipTags", metadata.getStockpileSkipTags(),
                "stockpile_skip_tags", metadata.getStockpileSkipTagsSnakeCase(), out);
        if (metadata.getImage() != null && metadata.getImage().isBlank()) {
            out.add(new Violation("spec.metadata.image", "is empty; remove it to use the default agent image"));
        } else if (metadata.getImage() != null) {
            KubernetesValues.imageProblem(metadata.getImage()).ifPresent(p -> out.add(new Violation("spec.metadata.image", p)));
        }
    }

    private static void checkTags(String field, List<String> tags, List<Violation> out) {
        if (tags == null) {
            return;
        }
        List<String> unknown = tags.stream().filter(t -> t == null || !Tags.isKnown(t)).map(String::valueOf).toList();
        if (!unknown.isEmpty()) {
            out.add(new Violation(field, "unknown tag" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; known tags: " + String.join(", ", Tags.known())));
        }
    }

    private static void checkNotAll(String field, List<String> skipTags, List<Violation> out) {
        if (skipTags != null && skipTags.contains(Tags.ALL)) {
            out.add(new Violation(field, "skipping 'all' collects nothing; to run without collecting, set"
                    + " spec.metadata.collection: false"));
        }
    }

    private static void checkNotBoth(String field, List<String> camel, String snakeName, List<String> snake,
                                     List<Violation> out) {
        if (camel != null && snake != null && !Objects.equals(camel, snake)) {
            out.add(new Violation(field, "is given twice with different values (also as " + snakeName
                    + "); keep one spelling"));
        }
    }
}
