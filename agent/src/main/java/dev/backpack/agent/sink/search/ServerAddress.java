package dev.backpack.agent.sink.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the search cluster is, parsed from {@code -s/--server} as users pass it today: {@code host},
 * {@code host:port}, {@code http(s)://host[:port][/prefix]}, {@code https://user:pass@host}. The port
 * comes from the address, else from {@code -p}, else 9200; the scheme defaults to http as upstream.
 * Credentials found in the address are kept apart and never appear in {@link #toString()}.
 */
public record ServerAddress(String scheme, String host, int port, String pathPrefix,
                            Optional<BasicCredentials> credentials) {

    public static final int DEFAULT_PORT = 9200;
    private static final String FORMS = "use host, host:port, http(s)://host[:port] or https://user:pass@host";

    /**
     * @param server      the {@code -s} value
     * @param portFlag    the {@code -p} value, or null when not given; used only when the address has no port
     */
    public static ServerAddress parse(String server, Integer portFlag) {
        if (server == null || server.isBlank()) {
            throw new InvalidServerAddressException("-s/--server is empty; " + FORMS);
        }
        String text = server.strip();
        String scheme = "http";
        String rest = text;
        int schemeEnd = text.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = text.substring(schemeEnd + 3);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw invalid(text, "scheme '" + scheme + "' is not http or https");
            }
        }
        // The last '@' ends the user info: passwords may contain '@' when users forget to escape it.
        Optional<BasicCredentials> credentials = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            credentials = Optional.of(parseUserInfo(text, rest.substring(0, at)));
            rest = rest.substring(at + 1);
        }
        String pathPrefix = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            pathPrefix = stripTrailingSlashes(rest.substring(slash));
            rest = rest.substring(0, slash);
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(text, "IPv6 address is missing ']'");
            }
            host = rest.substring(0, close + 1);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw invalid(text, "unexpected '" + after + "' after the IPv6 address");
            }
        } else {
            int colon = rest.indexOf(':');
            if (colon >= 0) {
                host = rest.substring(0, colon);
                portText = rest.substring(colon + 1);
            } else {
                host = rest;
            }
        }
        if (host.isEmpty()) {
            throw invalid(text, "the host name is missing");
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '?' || c == '#')) {
            throw invalid(text, "the host name '" + host + "' contains characters a host cannot have");
        }
        int port;
        if (portText != null) {
            port = parsePort(text, portText);
        } else if (portFlag != null) {
            if (portFlag < 1 || portFlag > 65535) {
                throw new InvalidServerAddressException("-p/--port " + portFlag + " is not a port; use 1-65535");
            }
            port = portFlag;
        } else {
            port = DEFAULT_PORT;
        }
        return new ServerAddress(scheme, host, port, pathPrefix, credentials);
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    /** The address without credentials, e.g. {@code https://es.example.com:9200/prefix}. */
    public String uri() {
        return scheme + "://" + host + ":" + port + pathPrefix;
    }

    @Override
    public String toString() {
        return uri();
    }

    /** Masks the password in user-supplied text such as a bad {@code -s} value before it goes into an error. */
    static String redactUserInfo(String text) {
        int schemeEnd = text.indexOf("://");
        String prefix = schemeEnd >= 0 ? text.substring(0, schemeEnd + 3) : "";
        String rest = schemeEnd >= 0 ? text.substring(schemeEnd + 3) : text;
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        String userInfo = rest.substring(0, at);
        int colon = userInfo.indexOf(':');
        String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
        return prefix + user + ":***@" + rest.substring(at + 1);
    }

    private static BasicCredentials parseUserInfo(String text, String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon <= 0) {
            throw invalid(text, "user info must be user:password");
        }
        return new BasicCredentials(decode(userInfo.substring(0, colon)), decode(userInfo.substring(colon + 1)));
    }

    private static String decode(String part) {
        try {
            // URLDecoder would turn '+' into a space; in user info '+' is literal.
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    private static int parsePort(String text, String portText) {
        try {
            int port = Integer.parseInt(portText);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(text, "port '" + portText + "' is not a number from 1 to 65535");
    }

    private static String stripTrailingSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static InvalidServerAddressException invalid(String text, String why) {
        return new InvalidServerAddressException("-s/--server '" + redactUserInfo(text) + "' is not a valid address: "
                + why + "; " + FORMS);
    }
}
