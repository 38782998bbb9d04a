package dev.backpack.agent.dedup;

import dev.backpack.agent.retry.Pause;
import dev.backpack.contract.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One collection per (uuid, node), coordinated through Redis with upstream's key {@code <uuid>-<node>}
 * and values, but atomically: the claim is {@code SET key Metadata-Running NX PX ttl}, so of many agents
 * racing on one node exactly one collects; the others wait (bounded) for it to finish instead of
 * collecting twice. A claim whose holder died expires and is taken over. "Metadata-Exists" is trusted
 * only if the index has the documents. Redis being down never blocks a benchmark: one warning, then
 * collect anyway (fail open).
 */
public final class Deduplicator implements AutoCloseable {

    // Compare-and-set / compare-and-delete: only touch the key if it still holds what we saw.
    private static final String REPLACE_IF = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) else return false end";
    private static final String DELETE_IF = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    /** How long "Metadata-Exists" is remembered; afterwards a run with the same uuid collects again. */
    static final Duration EXISTS_TTL = Duration.ofDays(30);

    private final RedisSettings settings;
    private final CollectedDocuments collected;
    private final DefaultJedisClientConfig clientConfig;
    private Jedis redis;
    private final AtomicBoolean warned = new AtomicBoolean();

    public Deduplicator(RedisSettings settings, CollectedDocuments collected) {
        this.settings = settings;
        this.collected = collected;
        int timeout = (int) settings.commandTimeout().toMillis();
        this.clientConfig = DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout).clientName("backpack").build();
    }

    /**
     * Decides whether to collect for {@code uuid} on {@code nodeName}; may wait for another agent's
     * claim. With {@code force} the answer is always to collect (ids keep the index duplicate-free).
     */
    public Claim claim(String uuid, String nodeName, boolean force) {
        String key = RedisKeys.claimKey(uuid, nodeName);
        try {
            if (force) {
                redis().set(key, RedisKeys.RUNNING, SetParams.setParams().px(settings.claimTtl().toMillis()));
                return collect(key, "--force given");
            }
            long waitUntil = System.nanoTime() + settings.waitLimit().toNanos();
            int polls = 0;
            while (true) {
                if ("OK".equals(redis().set(key, RedisKeys.RUNNING,
                        SetParams.setParams().nx().px(settings.claimTtl().toMillis())))) {
                    return collect(key, polls > 0 ? "claimed after the previous claim ended" : "claimed");
                }
                String value = redis().get(key);
                if (value == null) {
                    continue; // expired or released between SET and GET: try to claim again
                }
                if (RedisKeys.EXISTS.equals(value)) {
                    if (collected.exist(uuid, nodeName)) {
                        return new Claim(Claim.Decision.SKIP, "already collected for uuid " + uuid + " on " + nodeName,
                                success -> { });
                    }
                    if (replace(key, RedisKeys.EXISTS)) {
                        return collect(key, "Redis says collected but the index has no documents; collecting again");
                    }
                    continue;
                }
                if (!RedisKeys.RUNNING.equals(value)) {
                    // Not a value any agent writes: take the key over rather than trust it.
                    if (replace(key, value)) {
                        return collect(key, "claimed over unexpected Redis value");
                    }
                    continue;
                }
                if (System.nanoTime() >= waitUntil) {
                    log().warn("another agent has been collecting for uuid {} on {} longer than {}; collecting anyway",
                            uuid, nodeName, settings.waitLimit());
                    return new Claim(Claim.Decision.COLLECT, "waited " + settings.waitLimit()
                            + " for another agent; collecting anyway", success -> record(key, success, false));
                }
                if (polls == 0) {
                    log().info("another agent is collecting for uuid {} on {}; waiting for it", uuid, nodeName);
                }
                if (!Pause.sleep(settings.poll().delayBefore(++polls))) {
                    return new Claim(Claim.Decision.COLLECT, "interrupted while waiting; collecting",
                            success -> record(key, success, false));
                }
            }
        } catch (JedisException e) {
            warnUnreachable(e);
            return new Claim(Claim.Decision.COLLECT, "Redis unreachable; collecting without de-duplication",
                    success -> record(key, success, false));
        }
    }

    private Claim collect(String key, String reason) {
        return new Claim(Claim.Decision.COLLECT, reason, success -> record(key, success, true));
    }

    private boolean replace(String key, String expected) {
        Object result = redis().eval(REPLACE_IF, List.of(key),
                List.of(expected, RedisKeys.RUNNING, Long.toString(settings.claimTtl().toMillis())));
        return result != null;
    }

    /**
     * Success: the key says Exists, for {@link #EXISTS_TTL} (upstream kept it forever; keys of finished
     * benchmarks should not pile up in a shared Redis). Failure: free our claim so others may try.
     */
    private void record(String key, boolean success, boolean ownClaim) {
        try {
            if (success) {
                redis().set(key, RedisKeys.EXISTS, SetParams.setParams().px(EXISTS_TTL.toMillis()));
            } else if (ownClaim) {
                redis().eval(DELETE_IF, List.of(key), List.of(RedisKeys.RUNNING));
            }
        } catch (JedisException e) {
            warnUnreachable(e);
        }
    }

    private void warnUnreachable(JedisException e) {
        discardConnection();
        if (warned.compareAndSet(false, true)) {
            log().warn("Redis unreachable; collecting without de-duplication (Redis at {}: {})", settings.address(),
                    rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /**
     * One connection, opened by the first command (so a Redis that is down fails there, as a
     * {@link JedisException}): a run asks in sequence, on one thread. A pool (JedisPooled) also brought
     * commons-pool2, JMX types, SLF4J with logback and Jedis's module commands into every de-duplicated
     * run, about 200 classes, for two commands.
     */
    private Jedis redis() {
        if (redis == null) {
            redis = new Jedis(new HostAndPort(settings.host(), settings.port()), clientConfig);
        }
        return redis;
    }

    // A failed connection is not reused: the next command (recording the outcome) opens a new one.
    private void discardConnection() {
        try {
            close();
        } catch (JedisException e) {
            // flushing into a broken socket: it is gone either way
        } finally {
            redis = null;
        }
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    // Looked up when something is logged, not at class initialisation: a static logger would set up
    // logging (logback and SLF4J, about 85 classes) in every run, most of which log nothing.
    private static Logger log() {
        return LoggerFactory.getLogger(Deduplicator.class);
    }
}
