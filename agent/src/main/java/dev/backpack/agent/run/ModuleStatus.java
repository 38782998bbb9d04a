package dev.backpack.agent.run;

/** How one module's collection ended. A skip (absent hardware, no cluster) is a success. */
public enum ModuleStatus {
    OK("ok"),
    SKIPPED("skipped"),
    ERROR("error");

    private final String label;

    ModuleStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
