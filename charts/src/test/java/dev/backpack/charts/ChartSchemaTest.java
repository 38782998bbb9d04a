package dev.backpack.charts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json is strict enough that helm refuses bad values before anything reaches a cluster. */
class ChartSchemaTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            typo-key.yaml                | operater
            replicas-zero.yaml           | replicas
            replicas-string.yaml         | replicas
            pull-policy.yaml             | pullPolicy
            redis-port.yaml              | port
            redis-url.yaml               | host
            timeout.yaml                 | daemonSetReadyTimeout
            secrets-rule.yaml            | resources
            wildcard-verb.yaml           | verbs
            namespace-name.yaml          | watchNamespaces
            privileged-operator.yaml     | privileged
            image-tag-in-repository.yaml | repository
            workload-without-entry.yaml  | workload.yaml.ftl
            """)
    void badValuesAreRejectedNamingTheField(String file, String field) {
        Chart chart = Chart.underTest();

        assertThatThrownBy(() -> chart.render(TestResources.path("bad-values/" + file)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"90s", "10m", "2h", "500ms", "PT10M", "PT1H30M", "P1D", "PT1.5S", "P1DT2H"})
    void durationsTheOperatorUnderstandsAreAccepted(String duration) {
        Rendered r = Chart.underTest().renderWith("operator.daemonSetReadyTimeout", duration);

        assertThat(r.operatorEnv()).containsEntry("BACKPACK_DAEMONSET_READY_TIMEOUT", duration);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"P", "PT", "10", "10 m", "1d", "-5m", "1h30m"})
    void otherDurationsAreRejected(String duration) {
        assertThatThrownBy(() -> Chart.underTest().renderWith("operator.daemonSetReadyTimeout", duration))
                .hasMessageContaining("daemonSetReadyTimeout");
    }
}
