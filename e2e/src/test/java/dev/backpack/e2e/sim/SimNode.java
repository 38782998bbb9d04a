package dev.backpack.e2e.sim;

import java.util.Map;

/** A node of the simulated cluster: its name, labels, and whether it is a tainted control-plane node. */
public record SimNode(String name, Map<String, String> labels, boolean controlPlane) {
    public static SimNode worker(String name, Map<String, String> labels) {
        return new SimNode(name, labels, false);
    }

    public static SimNode worker(String name) {
        return worker(name, Map.of());
    }

    public static SimNode controlPlane(String name) {
        return new SimNode(name, Map.of(), true);
    }
}
