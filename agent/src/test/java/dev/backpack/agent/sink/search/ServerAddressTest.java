package dev.backpack.agent.sink.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {

    @ParameterizedTest(name = "{0} -p {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "es.example.com, none, http://es.example.com:9200",
            "es.example.com, 9243, http://es.example.com:9243",
            "es.example.com:9300, 9243, http://es.example.com:9300",
            "http://es.example.com, none, http://es.example.com:9200",
            "https://es.example.com, 443, https://es.example.com:443",
            "HTTPS://es.example.com:9443/, none, https://es.example.com:9443",
            "https://es.example.com:9443/search/, none, https://es.example.com:9443/search",
            "10.0.0.7:9200, none, http://10.0.0.7:9200",
            "[::1]:9201, none, http://[::1]:9201",
            "https://[fd00::7], 9200, https://[fd00::7]:9200",
    })
    void acceptsTheFormsUsersPass(String server, Integer port, String expected) {
        assertThat(ServerAddress.parse(server, port).uri()).isEqualTo(expected);
    }

    @Test
    void takesCredentialsOutOfTheUrl() {
        ServerAddress address = ServerAddress.parse("https://elastic:p%40ss:w@rd@es.example.com:9200", null);

        assertThat(address.uri()).isEqualTo("https://es.example.com:9200");
        assertThat(address.credentials()).hasValueSatisfying(c -> {
            assertThat(c.username()).isEqualTo("elastic");
            assertThat(c.password()).isEqualTo("p@ss:w@rd");
        });
        assertThat(address.isHttps()).isTrue();
    }

    @Test
    void neverShowsThePassword() {
        ServerAddress address = ServerAddress.parse("https://elastic:hunter2secret@es.example.com", null);

        assertThat(address.toString()).doesNotContain("hunter2secret").doesNotContain("elastic");
        assertThat(address.credentials().orElseThrow().toString()).doesNotContain("hunter2secret").contains("elastic");
    }

    @Test
    void badAddressesGetOneLineNamingTheFlagWithoutThePassword() {
        assertThatThrownBy(() -> ServerAddress.parse("ftp://es.example.com", null))
                .isInstanceOf(InvalidServerAddressException.class)
                .hasMessageContaining("-s/--server").hasMessageContaining("not http or https");
        assertThatThrownBy(() -> ServerAddress.parse("https://elastic:hunter2secret@es.example.com:92x0", null))
                .hasMessageContaining("port '92x0'")
                .hasMessageContaining("elastic:***@")
                .hasMessageNotContaining("hunter2secret");
        assertThatThrownBy(() -> ServerAddress.parse(" ", null)).hasMessageContaining("-s/--server is empty");
        assertThatThrownBy(() -> ServerAddress.parse("es.example.com", 70000)).hasMessageContaining("-p/--port 70000");
        assertThatThrownBy(() -> ServerAddress.parse("https://:9200", null)).hasMessageContaining("host name is missing");
        assertThatThrownBy(() -> ServerAddress.parse("https://nopassword@es", null))
                .hasMessageContaining("user:password");
    }
}
