package dev.backpack.e2e.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * The same scenarios on a real cluster with the chart installed (kind in the GitHub Actions workflow,
 * run with {@code mvn -Pkind verify}). Without a cluster they are skipped with the reason; with
 * {@code -Pkind} a missing cluster fails the run.
 */
@Tag("kind")
class KindScenariosTest extends MetadataCollectionScenarios {
    static KindEnvironment environment;
    static String unavailable;

    @BeforeAll
    static void connect() {
        String[] why = new String[1];
        Optional<KubernetesClient> client = KindCluster.connect(why);
        if (client.isEmpty()) {
            if (KindCluster.required()) {
                fail("-Pkind needs a cluster: " + why[0]);
            }
            unavailable = why[0];
            System.err.println("KindScenariosTest skipped: " + why[0]);
            return;
        }
        environment = new KindEnvironment(client.get());
    }

    /** Each scenario is reported as skipped, with the reason, rather than the class vanishing from the counts. */
    @BeforeEach
    void requireCluster() {
        Assumptions.assumeTrue(environment != null, () -> "kind tier skipped: " + unavailable);
    }

    @AfterAll
    static void close() {
        if (environment != null) {
            environment.close();
        }
    }

    @Override
    protected ClusterUnderTest cluster() {
        return environment;
    }
}
