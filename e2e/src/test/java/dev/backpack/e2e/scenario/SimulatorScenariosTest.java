package dev.backpack.e2e.scenario;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

/** The scenarios here: the real operator and real agents on the node simulator, real OpenSearch and Redis. */
class SimulatorScenariosTest extends MetadataCollectionScenarios {
    /** Under target/ rather than a temp dir: the agents' logs stay there for whoever reads a failure. */
    static Path work;
    static SimulatorEnvironment environment;

    @BeforeAll
    static void start() throws java.io.IOException {
        work = java.nio.file.Files.createDirectories(Path.of("target", "sim", "SimulatorScenariosTest").toAbsolutePath());
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
