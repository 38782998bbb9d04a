package dev.backpack.model.v1alpha1;

/**
 * Values of {@code status.state}. The lifecycle is {@code "" → Building → Running → Complete}, with
 * {@code Failed} reachable from any state when the spec is invalid or the workload fails.
 */
public final class BenchmarkState {
    public static final String BUILDING = "Building";
    public static final String RUNNING = "Running";
    public static final String COMPLETE = "Complete";
    public static final String FAILED = "Failed";

    private BenchmarkState() {
    }
}
