package dev.backpack.agent.sink.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexProbeTest {

    @Test
    void uuidsAndNodeNamesAreEscapedIntoTheQuery() {
        assertThat(IndexProbe.jsonString("worker-0")).isEqualTo("\"worker-0\"");
        assertThat(IndexProbe.jsonString("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
    }
}
