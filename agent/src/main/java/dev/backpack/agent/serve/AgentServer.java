package dev.backpack.agent.serve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/**
 * {@code backpack serve}: the DaemonSet agent. Collects and indexes once at start (retrying with
 * backoff until it succeeds), is Ready only after that, and stays up for ad-hoc collections:
 * <ul>
 *   <li>{@code GET /healthz}: 200 while the process serves;</li>
 *   <li>{@code GET /readyz}: 503 until the first successful run, then 200 with its summary;</li>
 *   <li>{@code POST /collect[?uuid=...]} (or JSON body {@code {"uuid": "..."}}): one more run, answered
 *       with its summary; 409 while another run is in progress.</li>
 * </ul>
 * This class only puts the parts together and orders start and stop: the collections are the
 * {@link CollectionCoordinator}'s, the endpoints {@link HttpEndpoints}', the probe file {@link ReadyFile}'s.
 */
public final class AgentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServer.class);

    private final ServeSettings settings;
    private final ReadyFile readyFile;
    private final CollectionCoordinator collections;
    private final HttpEndpoints endpoints;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public AgentServer(ServeSettings settings, CollectAndDeliver collection) {
        this.settings = settings;
        this.readyFile = new ReadyFile(settings.readyFile());
        this.collections = new CollectionCoordinator(collection, settings.firstCollectionRetries(), readyFile);
        this.endpoints = new HttpEndpoints(settings.listen(), collections);
    }

    /** Binds the port and starts the initial collection in the background; returns at once. */
    public synchronized void start() {
        endpoints.start();
        collections.startInitial();
    }

    /** The bound port (useful with {@code --listen :0}). */
    public int port() {
        return endpoints.port();
    }

    public boolean ready() {
        return collections.readySummary() != null;
    }

    /**
     * SIGTERM: stop taking new collections, let an in-flight one finish (its bulk requests included)
     * within {@link ServeSettings#shutdownGrace()}, then close the port and remove the ready file.
     */
    public void stop() {
        collections.stop(settings.shutdownGrace(), () -> {
            try {
                endpoints.stop();
                readyFile.delete();
            } finally {
                stopped.countDown();
                LOG.info("stopped");
            }
        });
    }

    /** Stops on SIGTERM/SIGINT (the JVM's shutdown hooks) and blocks the caller until then. */
    public void serveUntilShutdown() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "backpack-shutdown"));
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }
}
