package dev.backpack.agent.serve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenAddressTest {

    @Test
    void acceptsPortAloneColonPortAndHostPort() {
        assertThat(ListenAddress.parse("8080")).isEqualTo(new ListenAddress(null, 8080));
        assertThat(ListenAddress.parse(":9090")).isEqualTo(new ListenAddress(null, 9090));
        assertThat(ListenAddress.parse("127.0.0.1:0")).isEqualTo(new ListenAddress("127.0.0.1", 0));
        assertThat(ListenAddress.parse("[::1]:8080")).isEqualTo(new ListenAddress("::1", 8080));
        assertThat(ListenAddress.defaultAddress().port()).isEqualTo(8080);
        assertThat(ListenAddress.parse("[::1]:8080")).hasToString("[::1]:8080");
    }

    @Test
    void rejectsWhatIsNotAnAddressNamingTheFlag() {
        assertThatThrownBy(() -> ListenAddress.parse("eighty")).hasMessageContaining("--listen 'eighty'")
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> ListenAddress.parse(":70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ListenAddress.parse("")).hasMessageContaining("empty");
    }
}
