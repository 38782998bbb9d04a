package dev.backpack.agent.sink.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactorTest {

    @Test
    void scrubsThePasswordFromTextEchoedBack() {
        SecretRedactor redactor = new SecretRedactor(Optional.of(new BasicCredentials("u", "t0psecret")));
        assertThat(redactor.redact("auth failed for u:t0psecret at host")).isEqualTo("auth failed for u:*** at host");
        assertThat(new SecretRedactor(Optional.empty()).redact("nothing to hide")).isEqualTo("nothing to hide");
    }

    @Test
    void configDoesNotPrintCredentials() {
        SearchSinkConfig config = SearchSinkConfig.of(ServerAddress.parse("https://u:t0psecret@es", null),
                ServerAddress.parse("https://u:t0psecret@es", null).credentials(), TlsSettings.verifyWithSystemTrust(),
                3, Duration.ofMinutes(1));
        assertThat(config.toString()).doesNotContain("t0psecret").contains("credentials=***");
    }

    @Test
    void failuresNameTheServerWithoutCredentials() {
        ServerAddress address = ServerAddress.parse("https://u:t0psecret@es", null);
        FailureClassifier classifier = new FailureClassifier(address,
                new SecretRedactor(address.credentials()));
        SearchFailure failure = classifier.fromStatus(401, "user u:t0psecret unknown");
        assertThat(failure.message()).contains("https://es:9200").contains("HTTP 401").doesNotContain("t0psecret");
        assertThat(failure.retriable()).isFalse();
        assertThat(classifier.fromStatus(429, null).retriable()).isTrue();
        assertThat(classifier.fromStatus(502, null).retriable()).isTrue();
        assertThat(classifier.fromStatus(400, "mapper_parsing_exception").retriable()).isFalse();
        assertThat(classifier.classify(new java.net.ConnectException("Connection refused")).retriable()).isTrue();
        assertThat(classifier.classify(new javax.net.ssl.SSLHandshakeException("PKIX path")).message())
                .contains("--cacert");
    }
}
