package dev.backpack.agent.serve;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollectRequestTest {
    private static final byte[] EMPTY = new byte[0];

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theQueryWinsOverTheBodyAndNeitherMeansTheCommandLinesUuid() {
        assertThat(CollectRequest.uuid("a=1&uuid=run%3A7", body("{\"uuid\": \"other\"}"))).isEqualTo("run:7");
        assertThat(CollectRequest.uuid(null, body("{\"uuid\": \"from-body\"}"))).isEqualTo("from-body");
        assertThat(CollectRequest.uuid(null, EMPTY)).isNull();
        assertThat(CollectRequest.uuid("other=1", body("  \n"))).isNull();
        assertThat(CollectRequest.uuid(null, body("{\"uuid\": null}"))).isNull();
    }

    @Test
    void malformedRequestsAreRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> CollectRequest.uuid("uuid=bad%20uuid", EMPTY)).hasMessageContaining("1-128 letters");
        assertThatThrownBy(() -> CollectRequest.uuid("uuid", EMPTY)).hasMessageContaining("1-128 letters");
        assertThatThrownBy(() -> CollectRequest.uuid(null, body("not json"))).hasMessageContaining("must be JSON");
        assertThatThrownBy(() -> CollectRequest.uuid(null, body("{\"uuid\": 7}"))).hasMessageContaining("must be a string");
    }
}
