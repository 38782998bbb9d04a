package dev.backpack.e2e.badinput;

import dev.backpack.model.BenchmarkYaml;
import dev.backpack.model.v1alpha1.Benchmark;
import dev.backpack.operator.OperatorConfig;
import dev.backpack.operator.plan.Plan;
import dev.backpack.operator.plan.Planner;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every good Benchmark of the table is accepted, and its byowl args reach the Job byte for byte. */
class GoodBenchmarkRenderingTest {
    private static final Planner PLANNER = new Planner(OperatorConfig.defaults());

    static List<GoodBenchmarkCase> cases() {
        return GoodBenchmarkCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void acceptedAndRenderedAsTyped(GoodBenchmarkCase c) throws Exception {
        Benchmark benchmark = BenchmarkYaml.parseValid(c.yaml("good-input"));
        Plan plan = PLANNER.plan(benchmark, "11111111-2222-3333-4444-555555555555");

        Map<String, Object> args = benchmark.getSpec().getWorkload().getArgs();
        Job job = (Job) plan.workload().get(0);
        Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo(args.get("image"));
        assertThat(container.getArgs()).containsExactly((String) args.get("commands"));
        if (args.get("nodeselector") instanceof Map<?, ?> selector) {
            assertThat(job.getSpec().getTemplate().getSpec().getNodeSelector()).containsExactlyInAnyOrderEntriesOf(
                    selector.entrySet().stream().collect(Collectors.toMap(
                            e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))));
        }
    }
}
