package dev.backpack.e2e.sim;

import dev.backpack.agent.serve.ListenAddress;
import dev.backpack.contract.AgentFlags;

import java.net.URI;

/**
 * A pod's network namespace, played with its own loopback address: a server that listens on all
 * interfaces of its pod listens on the pod IP, so every pod can use the same port as on a real cluster.
 */
final class PodNetwork {
    /** Every simulated node is this machine. */
    static final String HOST_IP = "127.0.0.1";

    private final String ip;

    PodNetwork(String ip) {
        this.ip = ip;
    }

    /** The n-th pod's IP: 127.0.10.2, 127.0.10.3, ... (all of 127/8 is loopback on Linux). */
    static PodNetwork nth(int n) {
        return new PodNetwork("127.0." + (10 + n / 250) + "." + (1 + n % 250));
    }

    String ip() {
        return ip;
    }

    /**
     * A {@code --listen=ADDRESS} argument that means all interfaces, rewritten to the pod IP; any other
     * argument, and an address the agent will refuse itself, unchanged.
     */
    String bindToPodIp(String arg) {
        String prefix = AgentFlags.LISTEN + "=";
        if (!arg.startsWith(prefix)) {
            return arg;
        }
        ListenAddress listen;
        try {
            listen = ListenAddress.parse(arg.substring(prefix.length()));
        } catch (IllegalArgumentException notAnAddress) {
            return arg;
        }
        String host = listen.host();
        boolean allInterfaces = host == null || host.equals("0.0.0.0") || host.equals("::");
        return allInterfaces ? prefix + new ListenAddress(ip, listen.port()) : arg;
    }

    /** An HTTP URL on this pod, as the kubelet's probes reach it. */
    URI http(int port, String path) {
        return URI.create("http://" + ip + ":" + port + (path == null ? "/" : path));
    }
}
