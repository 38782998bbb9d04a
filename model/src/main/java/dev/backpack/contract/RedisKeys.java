package dev.backpack.contract;

/** The de-duplication key scheme, as upstream's stockpile-wrapper writes it. */
public final class RedisKeys {
    public static final String RUNNING = "Metadata-Running";
    public static final String EXISTS = "Metadata-Exists";
    public static final int DEFAULT_PORT = 6379;

    private RedisKeys() {
    }

    /** {@code <uuid>-<nodename>}: one claim per node per benchmark. */
    public static String claimKey(String uuid, String nodeName) {
        return uuid + "-" + nodeName;
    }
}
