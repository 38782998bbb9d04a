package dev.backpack.operator.inject;

import dev.backpack.model.v1alpha1.BenchmarkSpec;
import dev.backpack.model.v1alpha1.ElasticsearchSpec;
import dev.backpack.model.v1alpha1.MetadataSpec;

/**
 * Everything needed to launch the agent for one Benchmark: its spec, uuid, and the operator-wide
 * defaults (agent image, Redis Service).
 *
 * @param redisHost empty when the operator has no Redis: no Redis flags are passed then
 */
public record AgentSettings(BenchmarkSpec spec, String uuid, String defaultImage, String redisHost, int redisPort) {

    public MetadataSpec metadata() {
        return spec.metadataOrDefaults();
    }

    public ElasticsearchSpec elasticsearch() {
        return spec.getElasticsearch() != null ? spec.getElasticsearch() : new ElasticsearchSpec();
    }

    public String image() {
        return metadata().imageOr(defaultImage);
    }

    public boolean redisEnabled() {
        return redisHost != null && !redisHost.isBlank();
    }

    /** The service account to run as, or null for the namespace default (then nothing is set). */
    public String serviceAccountOrNull() {
        String sa = metadata().serviceaccountOrDefault();
        return MetadataSpec.DEFAULT_SERVICE_ACCOUNT.equals(sa) ? null : sa;
    }
}
