package dev.backpack.agent.serve;

import dev.backpack.contract.AgentFlags;

import java.net.InetSocketAddress;

/**
 * Where serve mode listens ({@code --listen}): {@code 8080}, {@code :8080}, {@code 127.0.0.1:8080} or
 * {@code [::1]:8080}. Without a host it listens on all interfaces, as kubelet probes reach the pod IP.
 */
public record ListenAddress(String host, int port) {

    public static ListenAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        String value = text.strip();
        String host = null;
        String port = value;
        int colon = value.lastIndexOf(':');
        if (colon >= 0) {
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                host = null;
            }
        }
        try {
            int number = Integer.parseInt(port);
            if (number < 0 || number > 65535) {
                throw invalid(text, "port " + number + " is out of range");
            }
            return new ListenAddress(host, number);
        } catch (NumberFormatException e) {
            throw invalid(text, "'" + port + "' is not a port number");
        }
    }

    public static ListenAddress defaultAddress() {
        return new ListenAddress(null, AgentFlags.DEFAULT_SERVE_PORT);
    }

    InetSocketAddress socketAddress() {
        return host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException(AgentFlags.LISTEN + " '" + text + "' is not a listen address (" + why
                + "); use PORT, :PORT or HOST:PORT, e.g. :" + AgentFlags.DEFAULT_SERVE_PORT);
    }

    @Override
    public String toString() {
        return (host == null ? "" : host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
