package dev.backpack.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backpack.contract.RedisKeys;
import dev.backpack.e2e.badinput.BadBenchmarkCase;
import dev.backpack.e2e.scenario.ScenarioSteps;
import dev.backpack.e2e.scenario.SimulatorEnvironment;
import dev.backpack.e2e.servers.FlakyProxy;
import dev.backpack.e2e.servers.FreePorts;
import dev.backpack.e2e.servers.Servers;
import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.model.v1alpha1.BenchmarkStatus;
import dev.backpack.model.validation.InvalidBenchmarkException;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Faults and bad input on the simulator, each with an assertion that nothing was lost. */
class FaultScenariosTest {
    /** Under target/ rather than a temp dir: the agents' logs stay there for whoever reads a failure. */
    static Path work;
    static SimulatorEnvironment env;
    static ScenarioSteps steps;

    @BeforeAll
    static void start() throws java.io.IOException {
        work = java.nio.file.Files.createDirectories(Path.of("target", "sim", "FaultScenariosTest").toAbsolutePath());
        env = SimulatorEnvironment.start(work);
        steps = new ScenarioSteps(env);
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void searchServerDownWhenAgentsStartThenUp() {
        int port = FreePorts.next();
        Benchmark b = steps.onOneNode("search-late", false);
        b.getSpec().getElasticsearch().setPort(port);
        b.getSpec().getWorkload().getArgs().put("clients", 1);
        steps.create(b);
        await().atMost(Duration.ofMinutes(2)).until(() -> agentLogOf("search-late").contains("will retry"));
        try (FlakyProxy up = FlakyProxy.forwardingOn(port, Servers.openSearch().url())) {
            BenchmarkStatus status = steps.runningToMetadataState("search-late", "Complete");
            assertThat(env.indexes().countsByModule(status.getUuid(), env.plainNode()).keySet()).contains("cpuinfo", "meminfo", "sysctl");
            JsonNode summary = ScenarioSteps.terminationSummary(steps.workloadPods("search-late").get(0));
            assertThat(summary.path("failed").asInt()).isZero();
        }
    }

    @Test
    void searchServerDiesMidBulkAndTheRetryCompletesTheSetWithoutDuplicates() {
        Benchmark clean = steps.onOneNode("bulk-clean", false);
        clean.getSpec().getWorkload().getArgs().put("clients", 1);
        Map<String, Long> expected = env.indexes().countsByModule(steps.runToMetadataState(clean, "Complete").getUuid(), env.plainNode());

        try (DroppingProxy proxy = new DroppingProxy(Servers.openSearch().url())) {
            Benchmark b = steps.onOneNode("bulk-dropped", false);
            b.getSpec().getWorkload().getArgs().put("clients", 1);
            b.getSpec().getElasticsearch().setPort(proxy.port());
            BenchmarkStatus status = steps.runToMetadataState(b, "Complete");
            assertThat(proxy.droppedBulks()).isEqualTo(1);
            Map<String, Long> counts = env.indexes().countsByModule(status.getUuid(), env.plainNode());
            assertThat(counts.keySet()).isEqualTo(expected.keySet());
            assertThat(counts.get("meminfo")).isEqualTo(expected.get("meminfo"));
            assertThat(counts.get("cpuinfo")).isEqualTo(expected.get("cpuinfo"));
            JsonNode summary = ScenarioSteps.terminationSummary(steps.workloadPods("bulk-dropped").get(0));
            assertThat(summary.path("failed").asInt()).isZero();
            assertThat(summary.path("alreadyPresent").asInt()).as("the re-sent bulk found the first copy").isPositive();
        }
    }

    @Test
    void redisDownCollectionStillHappensOncePerPod() {
        Servers.redis().stop();
        try {
            Benchmark b = steps.onOneNode("redis-down", false);
            BenchmarkStatus status = steps.runToMetadataState(b, "Complete");
            List<String> outcomes = steps.workloadPods("redis-down").stream()
                    .map(p -> ScenarioSteps.terminationSummary(p).path("status").asText()).toList();
            assertThat(outcomes).as("fail open: each pod collects once").containsExactly("ok", "ok");
            assertThat(env.indexes().countsByModule(status.getUuid(), env.plainNode()).keySet()).contains("cpuinfo", "meminfo");
        } finally {
            Servers.redis().start();
        }
    }

    @Test
    void agentKilledMidCollectionLeavesAClaimThatExpiresAndTheNextAttemptCollects() throws Exception {
        String uuid = "killed-" + UUID.randomUUID();
        String key = RedisKeys.claimKey(uuid, "worker-k");
        List<String> argv = agentCommand(uuid, "worker-k");
        try (JedisPooled redis = Servers.redis().client()) {
            Process first = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(work.resolve("killed-1.log").toFile()).start();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).until(() -> redis.get(key) != null);
            first.destroyForcibly().waitFor();
            assertThat(redis.get(key)).as("the dead agent's claim is still there").isEqualTo(RedisKeys.RUNNING);
            assertThat(redis.pttl(key)).as("but it expires").isPositive();

            redis.pexpire(key, 200); // fast-forward the clock to the claim's expiry
            Process second = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(work.resolve("killed-2.log").toFile()).start();
            assertThat(second.waitFor()).as(Files.readString(work.resolve("killed-2.log"))).isZero();
            assertThat(redis.get(key)).isEqualTo(RedisKeys.EXISTS);
        }
        assertThat(env.indexes().countsByModule(uuid, "worker-k").keySet()).contains("cpuinfo", "meminfo", "sysctl");
    }

    @Test
    void operatorRestartedMidBenchmarkResumesAndTheStatusEndsTrue() {
        Benchmark b = steps.onOneNode("operator-restart", false);
        b.getSpec().getMetadata().setTargeted(false);
        b.getSpec().getMetadata().setLabel(List.of(List.of("foo", "bar")));
        steps.create(b);
        await().atMost(Duration.ofMinutes(1)).until(() -> steps.status("operator-restart") != null
                && steps.status("operator-restart").getUuid() != null
                && !env.client().apps().daemonSets().inNamespace(env.namespace()).list().getItems().isEmpty());
        String uuid = steps.status("operator-restart").getUuid();
        env.stopOperator();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> steps.agentPods("operator-restart").stream()
                    .anyMatch(p -> p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions()
                            .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))));
        } finally {
            env.startOperator();
        }
        BenchmarkStatus status = steps.runningToMetadataState("operator-restart", "Complete");
        assertThat(status.getUuid()).as("uuid kept across the restart").isEqualTo(uuid);
        assertThat(steps.jobs("operator-restart")).hasSize(1);
        assertThat(env.indexes().nodesWithDocuments(uuid, env.nodeNames())).containsExactly(env.fooBarNode());
    }

    @Test
    void badBenchmarksEachFailNamingTheirFieldWhileAGoodOneCompletes() {
        List<BadBenchmarkCase> schemaValid = new ArrayList<>();
        for (BadBenchmarkCase c : BadBenchmarkCase.all()) {
            try {
                // what the API server's schema lets through reaches the operator; type errors never do
                Benchmark parsed = BenchmarkYaml.parse(c.yaml(env.namespace()));
                if (parsed.getSpec().getElasticsearch() != null && parsed.getSpec().getElasticsearch().getServer() != null
                        && !parsed.getSpec().getElasticsearch().getServer().isBlank()) {
                    parsed.getSpec().getElasticsearch().setPort(parsed.getSpec().getElasticsearch().getPort());
                }
                steps.create(parsed);
                schemaValid.add(c);
            } catch (InvalidBenchmarkException e) {
                // refused before the cluster: covered by BadBenchmarkParsingTest
            }
        }
        assertThat(schemaValid).hasSizeGreaterThanOrEqualTo(15);
        Benchmark good = steps.onOneNode("good-among-bad", false);
        good.getSpec().getWorkload().getArgs().put("clients", 1);
        BenchmarkStatus goodStatus = steps.runToMetadataState(good, "Complete");
        assertThat(goodStatus.getState()).isNotEqualTo("Failed");

        for (BadBenchmarkCase c : schemaValid) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                BenchmarkStatus s = steps.status("bad-" + c.name());
                assertThat(s).as(c.name()).isNotNull();
                assertThat(s.getState()).as(c.name()).isEqualTo("Failed");
                assertThat(s.getMessage()).as(c.name()).contains(c.field()).doesNotContain("Exception").doesNotContain("\n\tat ");
            });
            assertThat(steps.workloadPods("bad-" + c.name())).as(c.name()).isEmpty();
        }
    }

    private List<String> agentCommand(String uuid, String node) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-jar", Path.of(System.getProperty("backpack.agentJar",
                        "../agent/target/backpack.jar")).toAbsolutePath().toString(),
                "-s", "http://127.0.0.1", "-p", String.valueOf(Servers.openSearch().port()), "-u", uuid, "-n", node,
                "--redisip", Servers.redis().host(), "--redisport", String.valueOf(Servers.redis().port()),
                "--tags", "common,packages");
    }

    private String agentLogOf(String benchmark) {
        for (Pod pod : steps.workloadPods(benchmark)) {
            var log = env.cluster().log(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), "backpack");
            if (log.isPresent() && Files.exists(log.get())) {
                try {
                    return Files.readString(log.get());
                } catch (IOException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
