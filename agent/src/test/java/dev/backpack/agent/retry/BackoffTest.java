package dev.backpack.agent.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        assertThat(Backoff.DEFAULT.schedule(6)).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));
    }

    @Test
    void aCapBelowTheNextStepIsHonoured() {
        Backoff backoff = new Backoff(Duration.ofMillis(300), Duration.ofMillis(1000));
        assertThat(backoff.schedule(4)).containsExactly(Duration.ofMillis(300), Duration.ofMillis(600),
                Duration.ofMillis(1000), Duration.ofMillis(1000));
        assertThat(backoff.delayBefore(1000)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("initial");
        assertThatThrownBy(() -> Backoff.DEFAULT.delayBefore(0)).hasMessageContaining("start at 1");
    }
}
