package dev.backpack.operator.reconciler;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.backpack.contract.AgentFlags;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.TestBenchmarks;
import dev.backpack.operator.plan.CredentialsSecret;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A password written into {@code spec.elasticsearch.server} reaches the agents through a Secret the
 * Benchmark owns, and nowhere else: not in any pod template, status, event or log line of the operator.
 */
class CredentialsNeverInClearTest {
    private static final String NS = "my-ripsaw";
    private static final String PASSWORD = "s3cr3t-Pa55w0rd";
    private static final String SERVER = "https://writer:" + PASSWORD + "@es.example:9243";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private OperatorHarness k8s;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() {
        logs.start();
        root.addAppender(logs);
        k8s = new OperatorHarness();
        k8s.start(OperatorConfig.defaults());
    }

    @AfterEach
    void stop() {
        k8s.close();
        root.detachAppender(logs);
    }

    @Test
    void thePasswordIsOnlyInTheBenchmarksSecret() {
        k8s.client.resource(benchmark("targeted-creds", true)).create();
        k8s.client.resource(benchmark("daemonset-creds", false)).create();

        Job job = await().atMost(Duration.ofSeconds(20)).until(() -> k8s.client.batch().v1().jobs().inNamespace(NS)
                .withLabel("backpack.dev/benchmark", "targeted-creds").list().getItems().stream().findFirst()
                .orElse(null), j -> j != null);
        DaemonSet ds = await().atMost(Duration.ofSeconds(20)).until(() -> k8s.client.apps().daemonSets().inNamespace(NS)
                .withLabel("backpack.dev/benchmark", "daemonset-creds").list().getItems().stream().findFirst()
                .orElse(null), d -> d != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> k8s.status(NS, "targeted-creds").getState() != null
                && k8s.status(NS, "daemonset-creds").getState() != null);

        assertPassesCredentialsByReference(job.getSpec().getTemplate().getSpec().getInitContainers().get(0), "targeted-creds");
        assertPassesCredentialsByReference(ds.getSpec().getTemplate().getSpec().getContainers().get(0), "daemonset-creds");

        for (String benchmark : List.of("targeted-creds", "daemonset-creds")) {
            Secret secret = k8s.client.secrets().inNamespace(NS).withName(CredentialsSecret.name(benchmark)).get();
            assertThat(decoded(secret, "username")).isEqualTo("writer");
            assertThat(decoded(secret, "password")).isEqualTo(PASSWORD);
            assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(o -> assertThat(o.getName()).isEqualTo(benchmark));
            assertThat(secret.getMetadata().getLabels()).containsEntry("backpack.dev/benchmark", benchmark);
        }

        String encoded = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        for (HasMetadata object : everyObject()) {
            String yaml = SERIALIZATION.asYaml(object instanceof Benchmark b ? statusOnly(b) : object);
            String what = object.getKind() + " " + object.getMetadata().getName();
            assertThat(yaml).as(what).doesNotContain(PASSWORD);
            if (!(object instanceof Secret)) {
                assertThat(yaml).as(what).doesNotContain(encoded);
            }
        }
        List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertThat(lines).as("the operator logged").isNotEmpty().noneMatch(l -> l.contains(PASSWORD));
    }

    private static void assertPassesCredentialsByReference(Container agent, String benchmark) {
        assertThat(agent.getArgs()).contains("-s=https://es.example:9243").noneMatch(a -> a.contains("writer"));
        assertThat(agent.getEnv()).filteredOn(e -> e.getName().startsWith("BACKPACK_ES_"))
                .extracting(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName(),
                        e -> e.getValueFrom().getSecretKeyRef().getKey())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AgentFlags.USERNAME_ENV, CredentialsSecret.name(benchmark), "username"),
                        org.assertj.core.groups.Tuple.tuple(AgentFlags.PASSWORD_ENV, CredentialsSecret.name(benchmark), "password"));
    }

    /** Everything in the namespace the operator could have written to. */
    private List<HasMetadata> everyObject() {
        List<HasMetadata> all = new ArrayList<>();
        Stream.of(k8s.client.batch().v1().jobs().inNamespace(NS).list().getItems(),
                        k8s.client.apps().daemonSets().inNamespace(NS).list().getItems(),
                        k8s.client.pods().inNamespace(NS).list().getItems(),
                        k8s.client.configMaps().inNamespace(NS).list().getItems(),
                        k8s.client.secrets().inNamespace(NS).list().getItems(),
                        k8s.client.v1().events().inNamespace(NS).list().getItems(),
                        k8s.client.resources(Benchmark.class).inNamespace(NS).list().getItems())
                .forEach(all::addAll);
        assertThat(all).extracting(HasMetadata::getKind).contains("Job", "DaemonSet", "Secret", "Benchmark");
        return all;
    }

    /** The user wrote the spec (and may read it); what the operator wrote is the status. */
    private static Benchmark statusOnly(Benchmark benchmark) {
        Benchmark copy = new Benchmark();
        copy.setMetadata(benchmark.getMetadata());
        copy.setStatus(benchmark.getStatus());
        return copy;
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static Benchmark benchmark(String name, boolean targeted) {
        return TestBenchmarks.parse("""
                apiVersion: ripsaw.cloudbulldozer.io/v1alpha1
                kind: Benchmark
                metadata: {name: %s, namespace: %s}
                spec:
                  elasticsearch: {server: "%s"}
                  metadata: {collection: true, targeted: %s}
                  workload: {name: byowl, args: {image: "quay.io/jtaleric/uperf:testing", commands: "echo Test"}}
                """.formatted(name, NS, SERVER, targeted));
    }
}
