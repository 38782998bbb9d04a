package dev.backpack.agent.dedup;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSettingsTest {

    @Test
    void waitingForAnotherAgentLooksSoonThenEvery250Ms() {
        RedisSettings settings = RedisSettings.forRun("redis", 6379, Duration.ofSeconds(30));

        assertThat(settings.poll().schedule(6)).containsExactly(Duration.ofMillis(25), Duration.ofMillis(50),
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void aClaimOutlivesTheDeliveryTimeout() {
        RedisSettings settings = RedisSettings.forRun("redis", 6379, Duration.ofSeconds(30));

        assertThat(settings.claimTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.waitLimit()).isEqualTo(settings.claimTtl());
    }
}
