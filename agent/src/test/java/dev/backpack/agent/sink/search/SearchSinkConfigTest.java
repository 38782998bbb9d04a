package dev.backpack.agent.sink.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchSinkConfigTest {
    private final SearchSinkConfig agent = SearchSinkConfig.of(ServerAddress.parse("http://es:9200", null),
            Optional.empty(), TlsSettings.verifyWithSystemTrust(), 3, Duration.ofSeconds(30));

    @Test
    void oneAgentKeepsItsSmallPool() {
        assertThat(agent.connections()).isEqualTo(4);
        assertThat(agent.sharedByConcurrentRuns(2).connections()).isEqualTo(4);
    }

    @Test
    void thePoolFollowsTheRunsSharingTheSink() {
        SearchSinkConfig shared = agent.sharedByConcurrentRuns(32);

        assertThat(shared.connections()).isEqualTo(32);
        assertThat(shared.withBulkSize(100).withBackoff(agent.backoff()).connections()).as("kept by the other withers")
                .isEqualTo(32);
    }

    @Test
    void noRunsIsAMistake() {
        assertThatThrownBy(() -> agent.sharedByConcurrentRuns(0)).hasMessageContaining("at least 1");
    }
}
