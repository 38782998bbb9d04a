package dev.backpack.e2e.sim;

/** What {@code kubectl exec} into an agent container returned: exit code and combined output. */
public record AgentExec(int exitCode, String output) {
}
