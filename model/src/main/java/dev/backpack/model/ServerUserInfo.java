package dev.backpack.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The credentials a user wrote into {@code spec.elasticsearch.server} ({@code https://user:pass@host:port},
 * as the reference documents it), read as the agent reads {@code -s}: the last {@code @} ends the user
 * info, the first {@code :} in it separates user and password, both percent-decoded ({@code +} is
 * literal). The operator moves them into a Secret; everything else sees the server without them
 * ({@link #strip}) or masked ({@link #redact}).
 */
public record ServerUserInfo(String username, String password) {

    @Override
    public String toString() {
        return "ServerUserInfo[username=" + username + ", password=***]";
    }

    /** The user info of {@code server}, if it has any. */
    public static Optional<ServerUserInfo> of(String server) {
        Parts parts = Parts.of(server);
        if (parts == null) {
            return Optional.empty();
        }
        int colon = parts.userInfo().indexOf(':');
        String user = colon >= 0 ? parts.userInfo().substring(0, colon) : parts.userInfo();
        String password = colon >= 0 ? parts.userInfo().substring(colon + 1) : "";
        return Optional.of(new ServerUserInfo(decode(user), decode(password)));
    }

    /** {@code https://user:pass@es:9243} as {@code https://es:9243}; a server without user info unchanged. */
    public static String strip(String server) {
        Parts parts = Parts.of(server);
        return parts == null ? server : parts.scheme() + parts.rest();
    }

    /** {@code https://user:pass@es:9243} as {@code https://***@es:9243}, for messages, logs and status. */
    public static String redact(String server) {
        Parts parts = Parts.of(server);
        return parts == null ? server : parts.scheme() + "***@" + parts.rest();
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    /** {@code scheme} includes {@code ://} (or is empty), {@code rest} is what follows the last {@code @}. */
    private record Parts(String scheme, String userInfo, String rest) {
        static Parts of(String server) {
            if (server == null) {
                return null;
            }
            int schemeEnd = server.indexOf("://");
            String scheme = schemeEnd >= 0 ? server.substring(0, schemeEnd + 3) : "";
            String afterScheme = server.substring(scheme.length());
            int at = afterScheme.lastIndexOf('@');
            return at < 0 ? null : new Parts(scheme, afterScheme.substring(0, at), afterScheme.substring(at + 1));
        }
    }
}
