package dev.backpack.contract;

/**
 * The agent's command line, shared by the agent (which parses it) and the operator (which renders it
 * into init containers and DaemonSets). Upstream stockpile-wrapper's flags come first so existing
 * scripts and the documented exec loop keep working unchanged.
 */
public final class AgentFlags {
    public static final String COMMAND = "backpack";
    public static final String SERVE = "serve";

    // stockpile-wrapper compatible
    public static final String SERVER_SHORT = "-s";
    public static final String SERVER = "--server";
    public static final String PORT_SHORT = "-p";
    public static final String PORT = "--port";
    public static final String UUID_SHORT = "-u";
    public static final String UUID = "--uuid";
    public static final String NODENAME_SHORT = "-n";
    public static final String NODENAME = "--nodename";
    public static final String PODNAME_SHORT = "-N";
    public static final String PODNAME = "--podname";
    public static final String REDIS_IP = "--redisip";
    public static final String REDIS_PORT = "--redisport";
    public static final String FORCE = "--force";
    public static final String TAGS = "--tags";
    public static final String SKIP_TAGS = "--skip-tags";
    public static final String INDEX_RETRIES = "--index-retries";
    public static final String SSL_SKIP_VERIFY = "--sslskipverify";

    // Backpack additions
    public static final String INSECURE_SKIP_VERIFY = "--insecure-skip-verify";
    public static final String CACERT = "--cacert";
    public static final String USERNAME_FILE = "--username-file";
    public static final String PASSWORD_FILE = "--password-file";
    public static final String TIMEOUT = "--timeout";
    public static final String OUTPUT = "--output";
    public static final String JSON = "--json";
    public static final String VERBOSE = "--verbose";
    public static final String OPTIONAL = "--optional";
    public static final String TERMINATION_LOG = "--termination-log";
    public static final String HOST_ROOT = "--host-root";
    public static final String LISTEN = "--listen";
    public static final String READY_FILE = "--ready-file";

    /** Basic-auth credentials may come from these variables instead of the URL (never logged). */
    public static final String USERNAME_ENV = "BACKPACK_ES_USERNAME";
    public static final String PASSWORD_ENV = "BACKPACK_ES_PASSWORD";

    public static final int DEFAULT_INDEX_RETRIES = 3;
    public static final int DEFAULT_SERVE_PORT = 8080;
    public static final String DEFAULT_TERMINATION_LOG = "/dev/termination-log";
    /** Where the operator mounts the node's /proc and /sys inside collector containers. */
    public static final String DEFAULT_CONTAINER_HOST_ROOT = "/host";
    public static final String DEFAULT_READY_FILE = "/tmp/backpack-ready";

    // serve mode HTTP endpoints
    public static final String READYZ = "/readyz";
    public static final String HEALTHZ = "/healthz";
    public static final String COLLECT = "/collect";

    private AgentFlags() {
    }
}
