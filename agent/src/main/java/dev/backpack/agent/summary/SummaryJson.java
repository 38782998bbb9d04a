package dev.backpack.agent.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@link TerminationSummary} as one line of JSON. */
public final class SummaryJson {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SummaryJson() {
    }

    public static String toLine(TerminationSummary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run summary is always serialisable", e);
        }
    }

    public static TerminationSummary parse(String line) {
        try {
            return JSON.readValue(line, TerminationSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a run summary: " + e.getOriginalMessage(), e);
        }
    }
}
