package dev.backpack.model.v1alpha1;

/** Values of {@code status.metadata}, spelled as upstream shows them in the "Metadata State" column. */
public final class MetadataState {
    public static final String NOT_COLLECTED = "not collected";
    public static final String COLLECTING = "Collecting";
    public static final String COMPLETE = "Complete";
    public static final String FAILED = "Failed";

    private MetadataState() {
    }
}
