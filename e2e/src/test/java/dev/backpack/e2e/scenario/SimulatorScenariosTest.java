package dev.backpack.e2e.scenario;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The scenarios here: the real operator and real agents on the node simulator, real OpenSearch and Redis. */
class SimulatorScenariosTest extends MetadataCollectionScenarios {
    @TempDir
    static Path work;
    static SimulatorEnvironment environment;

    @BeforeAll
    static void start() {
        environment = SimulatorEnvironment.start(work);
    }

    @AfterAll
    static void stop() {
        if (environment != null) {
            environment.close();
        }
    }

    @Override
    protected ClusterUnderTest cluster() {
        return environment;
    }
}
