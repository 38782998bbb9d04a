package dev.backpack.operator;

import dev.backpack.operator.plan.Planner;
import dev.backpack.operator.probes.Leadership;
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
        return create(config, client, new Leadership(config.leaderElection()), true, Clock.systemUTC());
    }

    /**
     * @param leadership             told when this replica gains or loses the Lease (for the probes)
     * @param exitWhenLeadershipLost with leader election, exit the JVM when the Lease is lost (so the pod
     *                               restarts as a follower); tests that stop and restart operators in one
     *                               JVM pass false
     * @param clock                  what the DaemonSet timeout is measured with
     */
    public static Operator create(OperatorConfig config, KubernetesClient client, Leadership leadership,
                                  boolean exitWhenLeadershipLost, Clock clock) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client);
            o.withCloseClientOnStop(false);
            if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(LEASE_NAME,
                        config.leaseNamespace().isBlank() ? null : config.leaseNamespace(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        null, leadership.callbacks(), exitWhenLeadershipLost));
            }
        });
        BenchmarkReconciler reconciler = new BenchmarkReconciler(new Planner(config), config.daemonSetReadyTimeout(),
                clock);
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
