package dev.backpack.charts;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.v1alpha1.Benchmark;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies the rendered chart and its CRD to fabric8's mock API server in CRUD mode: every object must be
 * accepted, none may collide with another (a create of an existing name fails), and a Benchmark can be
 * created and read back in the namespaces the agent ServiceAccount was created for.
 */
@EnableKubernetesMockClient(crud = true)
class ChartApplyTest {
    KubernetesClient client;

    static Stream<String> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void renderedObjectsApplyAndReadBack(String scenario) throws Exception {
        Chart chart = Chart.underTest();
        Rendered r = Scenarios.render(chart, scenario);
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .load(Files.newInputStream(chart.crdFile())).item();
        client.resource(crd).create();

        for (HasMetadata object : r.objects()) {
            HasMetadata created = client.resource(object).create();
            assertThat(created.getMetadata().getUid()).as(object.getKind() + " " + object.getMetadata().getName()).isNotBlank();
        }

        assertThat(client.apps().deployments().inNamespace(Chart.NAMESPACE).withName("bp-backpack-operator").get())
                .extracting(Deployment::getSpec).extracting(s -> s.getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("bp-backpack-operator");
        for (ServiceAccount agent : r.all(ServiceAccount.class)) {
            String ns = agent.getMetadata().getNamespace();
            assertThat(client.serviceAccounts().inNamespace(ns).withName(agent.getMetadata().getName()).get()).isNotNull();
        }
        String benchmarkNamespace = r.all(ServiceAccount.class).stream()
                .filter(sa -> "backpack-agent".equals(sa.getMetadata().getName()))
                .map(sa -> sa.getMetadata().getNamespace()).findFirst().orElseThrow();
        Benchmark benchmark = BenchmarkYaml.parseValid("""
                apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                kind: Benchmark
                metadata:
                  name: byowl-benchmark
                spec:
                  elasticsearch:
                    server: my.elastic.server.foo
                  metadata:
                    collection: true
                    serviceaccount: backpack-agent
                  workload:
                    name: byowl
                """);
        client.resources(Benchmark.class).inNamespace(benchmarkNamespace).resource(benchmark).create();
        assertThat(client.resources(Benchmark.class).inNamespace(benchmarkNamespace).withName("byowl-benchmark").get()
                .getSpec().getMetadata().serviceaccountOrDefault()).isEqualTo("backpack-agent");
    }
}
