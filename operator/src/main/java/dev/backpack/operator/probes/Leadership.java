package dev.backpack.operator.probes;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this replica is the one reconciling. With leader election, followers start no informers, so
 * their informers' health says nothing: liveness must not restart a healthy follower.
 */
public final class Leadership {
    private final boolean electionEnabled;
    private final AtomicBoolean leading = new AtomicBoolean();

    public Leadership(boolean electionEnabled) {
        this.electionEnabled = electionEnabled;
    }

    /** Callbacks for JOSDK's leader election (it calls them besides its own). */
    public LeaderCallbacks callbacks() {
        return new LeaderCallbacks(() -> leading.set(true), () -> leading.set(false), identity -> {
        });
    }

    /** True when this replica runs the controllers: no election, or the Lease is ours. */
    public boolean reconciling() {
        return !electionEnabled || leading.get();
    }
}
