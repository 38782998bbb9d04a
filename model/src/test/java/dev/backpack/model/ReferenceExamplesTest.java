package dev.backpack.model;

import dev.backpack.contract.AgentImage;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.MetadataSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every YAML example of the reference document parses into the model with the documented values. */
class ReferenceExamplesTest {

    @Test
    void daemonSetWithLabelPairs() throws Exception {
        Benchmark b = BenchmarkYaml.parseValid(Resources.read("reference/daemonset-label.yaml"));
        assertThat(b.getMetadata().getName()).isEqualTo("byowl-benchmark");
        assertThat(b.getMetadata().getNamespace()).isEqualTo("my-ripsaw");
        assertThat(b.getSpec().getElasticsearch().getServer()).isEqualTo("my.elastic.server.foo");
        assertThat(b.getSpec().getElasticsearch().portOrDefault()).isEqualTo(9200);
        MetadataSpec m = b.getSpec().getMetadata();
        assertThat(m.collectionEnabled()).isTrue();
        assertThat(m.targetedOrDefault()).isFalse();
        assertThat(m.getLabel()).containsExactly(List.of("foo", "bar"), List.of("awesome", "sauce"));
        assertThat(b.getSpec().getWorkload().getName()).isEqualTo("byowl");
        assertThat(b.getSpec().getWorkload().getArgs())
                .isEqualTo(Map.of("image", "quay.io/jtaleric/uperf:testing", "clients", 1, "commands", "echo Test"));
    }

    @Test
    void enableCollectionTakesEveryDefault() throws Exception {
        Benchmark b = BenchmarkYaml.parse(Resources.read("reference/enable-collection.yaml"));
        MetadataSpec m = b.getSpec().getMetadata();
        assertThat(m.collectionEnabled()).isTrue();
        assertThat(m.targetedOrDefault()).isTrue();
        assertThat(m.privilegedOrDefault()).isFalse();
        assertThat(m.forceOrDefault()).isFalse();
        assertThat(m.serviceaccountOrDefault()).isEqualTo("default");
        assertThat(m.imageOrDefault()).isEqualTo(AgentImage.DEFAULT);
        assertThat(m.labelOrEmpty()).isEmpty();
        assertThat(m.effectiveTags()).containsExactly("common", "k8s", "openshift");
        assertThat(m.effectiveSkipTags()).isEmpty();
    }

    @Test
    void enableCollectionWithoutServerIsRejectedAsTheDocumentWarns() {
        // "Collection is now enabled, but with no Elasticsearch information it will fail."
        assertThatThrownBy(() -> BenchmarkYaml.parseValid(Resources.read("reference/enable-collection.yaml")))
                .hasMessageContaining("spec.elasticsearch.server")
                .hasMessageContaining("metadata collection needs spec.elasticsearch.server");
    }

    @Test
    void enableCollectionWithServerAndPort() throws Exception {
        Benchmark b = BenchmarkYaml.parseValid(Resources.read("reference/enable-collection-with-es.yaml"));
        assertThat(b.getSpec().getElasticsearch().getServer()).isEqualTo("my.elastic.server.foo");
        assertThat(b.getSpec().getElasticsearch().getPort()).isEqualTo(9200);
        assertThat(b.getSpec().getMetadata().targetedOrDefault()).isTrue();
    }

    @Test
    void collectionOffByDefaultAndWhenSetFalse() throws Exception {
        Benchmark off = BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment(Resources.read("reference/collection-false.yaml")));
        assertThat(off.getSpec().getMetadata().collectionEnabled()).isFalse();
        Benchmark none = BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment(""));
        assertThat(none.getSpec().metadataOrDefaults().collectionEnabled()).isFalse();
    }

    @Test
    void additionalOptions() throws Exception {
        assertThat(fragment("options-image.yaml").imageOrDefault()).isEqualTo("quay.io/myorg/custom-backpack:latest");
        assertThat(fragment("options-privileged.yaml").privilegedOrDefault()).isTrue();
        assertThat(fragment("options-serviceaccount.yaml").serviceaccountOrDefault()).isEqualTo("backpack-view");
        assertThat(fragment("options-tags.yaml").effectiveTags()).containsExactly("memory", "cpu");
        assertThat(fragment("options-skip-tags.yaml").effectiveSkipTags()).containsExactly("memory", "cpu");
        assertThat(fragment("options-force.yaml").forceOrDefault()).isTrue();
    }

    @Test
    void snakeCaseTagSpellingsAreAccepted() throws Exception {
        MetadataSpec m = BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment("""
                metadata:
                  stockpile_tags: [memory]
                  stockpile_skip_tags: [cpu]
                """)).getSpec().getMetadata();
        assertThat(m.effectiveTags()).containsExactly("memory");
        assertThat(m.effectiveSkipTags()).containsExactly("cpu");
    }

    private static MetadataSpec fragment(String name) throws Exception {
        return BenchmarkYaml.parseValid(Resources.benchmarkWithSpecFragment(Resources.read("reference/" + name)))
                .getSpec().getMetadata();
    }
}
