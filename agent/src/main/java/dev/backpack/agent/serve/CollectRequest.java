package dev.backpack.agent.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The uuid a {@code POST /collect} asks for: {@code ?uuid=...}, else the JSON body {@code {"uuid": "..."}},
 * else none (the command line's). Anything malformed is an {@link IllegalArgumentException} whose
 * message is the answer's error.
 */
final class CollectRequest {
    /** Any uuid users pass today, but nothing that could break a Redis key or a log line. */
    private static final Pattern UUID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CollectRequest() {
    }

    /**
     * @param rawQuery the request's query, not yet decoded; may be null
     * @param body     the request's body; may be empty
     * @return the requested uuid, or null for the one given on the command line
     */
    static String uuid(String rawQuery, byte[] body) {
        String uuid = null;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (name.equals("uuid")) {
                    uuid = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        if (uuid == null && body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank()) {
            uuid = fromBody(body);
        }
        if (uuid != null && !UUID.matcher(uuid).matches()) {
            throw new IllegalArgumentException("uuid must be 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return uuid;
    }

    private static String fromBody(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be JSON like {\"uuid\": \"...\"} or empty");
        }
        JsonNode field = json == null ? null : json.get("uuid");
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isTextual()) {
            throw new IllegalArgumentException("\"uuid\" must be a string");
        }
        return field.asText();
    }
}
