package dev.backpack.agent.serve;

import java.util.concurrent.ThreadFactory;

/** Serve mode's threads never keep the JVM alive: the shutdown hook decides when it ends. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
