package dev.backpack.e2e.sim;

/** How a container ended: its exit code and the termination message it left at its terminationMessagePath. */
record ContainerExit(int exitCode, String message) {
    static final ContainerExit SIMULATED_SUCCESS = new ContainerExit(0, "");

    boolean succeeded() {
        return exitCode == 0;
    }
}
