package dev.backpack.agent.sink.search;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetTest {
    private final FailureClassifier classifier = new FailureClassifier(ServerAddress.parse("http://es:9200", null),
            new SecretRedactor(Optional.empty()));

    @Test
    void throttlingNeverUsesUpTheRetries() {
        RetryBudget budget = new RetryBudget(1);
        SearchFailure throttled = classifier.fromStatus(429, "es_rejected_execution_exception: queue full");

        for (int i = 0; i < 100; i++) {
            assertThat(budget.allowsRetry(throttled)).isTrue();
        }
        assertThat(budget.allowsRetry(classifier.fromStatus(503, "unavailable"))).isTrue();
        assertThat(budget.allowsRetry(classifier.fromStatus(503, "unavailable"))).as("--index-retries 1 used").isFalse();
        assertThat(budget.allowsRetry(throttled)).as("a 429 after that is still retried").isTrue();
    }

    @Test
    void otherFailuresGetIndexRetries() {
        RetryBudget budget = new RetryBudget(3);
        SearchFailure unavailable = classifier.fromStatus(503, "scripted 503");

        assertThat(budget.allowsRetry(unavailable)).isTrue();
        assertThat(budget.allowsRetry(unavailable)).isTrue();
        assertThat(budget.allowsRetry(unavailable)).isTrue();
        assertThat(budget.allowsRetry(unavailable)).isFalse();
    }

    @Test
    void noRetriesMeansNoneForOtherFailures() {
        assertThat(new RetryBudget(0).allowsRetry(classifier.fromStatus(502, "bad gateway"))).isFalse();
    }

    @Test
    void aFullQueueUnderA5xxIsThrottlingToo() {
        assertThat(classifier.fromStatus(503, "es_rejected_execution_exception: rejected execution").kind())
                .isEqualTo(SearchFailure.Kind.THROTTLED);
        assertThat(classifier.fromStatus(503, "Too Many Requests").kind()).isEqualTo(SearchFailure.Kind.THROTTLED);
        assertThat(classifier.fromStatus(503, "scripted 503").kind()).isEqualTo(SearchFailure.Kind.SERVER_ERROR);
        assertThat(classifier.fromStatus(503, "es_rejected_execution_exception").message()).contains("HTTP 503");
    }
}
