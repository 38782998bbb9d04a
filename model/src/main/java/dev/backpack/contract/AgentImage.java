package dev.backpack.contract;

/** The agent image the operator injects when a Benchmark names none (the chart can override it). */
public final class AgentImage {
    public static final String DEFAULT = "ghcr.io/backpack-dev/backpack-agent:latest";

    private AgentImage() {
    }
}
