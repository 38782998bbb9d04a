package dev.backpack.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerUserInfoTest {

    @Test
    void userInfoIsReadAsTheAgentReadsIt() {
        assertThat(ServerUserInfo.of("https://writer:p%40ss+w:rd@es.example:9243/prefix"))
                .contains(new ServerUserInfo("writer", "p@ss+w:rd"));
        assertThat(ServerUserInfo.of("https://writer:p@ss@es.example")).as("the last @ ends the user info")
                .contains(new ServerUserInfo("writer", "p@ss"));
        assertThat(ServerUserInfo.of("es.example:9200")).isEmpty();
        assertThat(ServerUserInfo.of("writer:pw@es.example")).contains(new ServerUserInfo("writer", "pw"));
    }

    @Test
    void strippedAndRedactedForms() {
        assertThat(ServerUserInfo.strip("https://writer:pw@es.example:9243/p")).isEqualTo("https://es.example:9243/p");
        assertThat(ServerUserInfo.redact("https://writer:pw@es.example:9243")).isEqualTo("https://***@es.example:9243");
        assertThat(ServerUserInfo.strip("http://es.example")).isEqualTo("http://es.example");
        assertThat(ServerUserInfo.redact("writer:pw@es")).isEqualTo("***@es");
        assertThat(new ServerUserInfo("writer", "pw").toString()).doesNotContain("pw");
    }
}
