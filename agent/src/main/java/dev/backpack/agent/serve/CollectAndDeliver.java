package dev.backpack.agent.serve;

import dev.backpack.agent.summary.TerminationSummary;

/**
 * What serve mode calls for one collection: collect and deliver, as {@code backpack} does (in the agent,
 * the Redis claim around {@code run.CollectionRunner}, the sink and the termination log). Called at
 * start and for each {@code POST /collect}; never concurrently.
 */
@FunctionalInterface
public interface CollectAndDeliver {

    /**
     * @param uuid  the uuid to collect under, or null for the one given on the command line
     * @param adHoc true for {@code POST /collect}: the user asked for a new collection, so it runs even
     *              if Redis says this node was collected (document ids keep the index duplicate-free)
     * @return the run's summary; failures are reported in it, not thrown
     */
    TerminationSummary collect(String uuid, boolean adHoc);
}
