package dev.backpack.operator;

import dev.backpack.operator.plan.Planner;
import dev.backpack.operator.reconciler.BenchmarkReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;

import java.time.Clock;

/** Builds the JOSDK {@link Operator} for a configuration: leader election, namespaces, the reconciler. */
public final class BackpackOperator {
    public static final String LEASE_NAME = "backpack-operator-lease";

    private BackpackOperator() {
    }

    public static Operator create(OperatorConfig config, KubernetesClient client) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client);
            o.withCloseClientOnStop(false);
            if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(config.leaseNamespace().isBlank()
                        ? new LeaderElectionConfiguration(LEASE_NAME)
                        : new LeaderElectionConfiguration(LEASE_NAME, config.leaseNamespace()));
            }
        });
        BenchmarkReconciler reconciler = new BenchmarkReconciler(new Planner(config), config.daemonSetReadyTimeout(),
                Clock.systemUTC());
        operator.register(reconciler, c -> {
            if (config.watchesAllNamespaces()) {
                c.watchingAllNamespaces();
            } else {
                c.settingNamespaces(config.watchNamespaces());
            }
        });
        return operator;
    }
}
