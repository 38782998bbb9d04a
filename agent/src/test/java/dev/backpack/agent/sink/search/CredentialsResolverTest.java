package dev.backpack.agent.sink.search;

import dev.backpack.contract.AgentFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialsResolverTest {
    private static final ServerAddress WITH_URL_CREDENTIALS = ServerAddress.parse("https://urluser:urlpass@es", null);
    private static final ServerAddress PLAIN = ServerAddress.parse("https://es", null);

    @Test
    void noCredentialsAnywhereMeansAnonymous() {
        assertThat(new CredentialsResolver(Map.of()).resolve(PLAIN, null, null)).isEmpty();
    }

    @Test
    void urlCredentialsAreUsedWhenNothingElseIsGiven() {
        assertThat(new CredentialsResolver(Map.of()).resolve(WITH_URL_CREDENTIALS, null, null))
                .contains(new BasicCredentials("urluser", "urlpass"));
    }

    @Test
    void environmentBeatsTheUrl() {
        var resolver = new CredentialsResolver(Map.of(AgentFlags.USERNAME_ENV, "envuser",
                AgentFlags.PASSWORD_ENV, "envpass"));
        assertThat(resolver.resolve(WITH_URL_CREDENTIALS, null, null)).contains(new BasicCredentials("envuser", "envpass"));
    }

    @Test
    void filesBeatTheEnvironmentAndLoseTheirTrailingNewline(@TempDir Path dir) throws Exception {
        Path user = Files.writeString(dir.resolve("username"), "fileuser\n");
        Path pass = Files.writeString(dir.resolve("password"), "filepass\n");
        var resolver = new CredentialsResolver(Map.of(AgentFlags.USERNAME_ENV, "envuser",
                AgentFlags.PASSWORD_ENV, "envpass"));
        assertThat(resolver.resolve(PLAIN, user, pass)).contains(new BasicCredentials("fileuser", "filepass"));
    }

    @Test
    void halfACredentialIsAnError(@TempDir Path dir) throws Exception {
        var resolver = new CredentialsResolver(Map.of(AgentFlags.PASSWORD_ENV, "envpass"));
        assertThatThrownBy(() -> resolver.resolve(PLAIN, null, null))
                .hasMessageContaining("no username").hasMessageContaining(AgentFlags.USERNAME_FILE)
                .hasMessageNotContaining("envpass");
        assertThatThrownBy(() -> new CredentialsResolver(Map.of()).resolve(PLAIN, null, dir.resolve("missing")))
                .hasMessageContaining(AgentFlags.PASSWORD_FILE).hasMessageContaining("cannot be read");
    }
}
