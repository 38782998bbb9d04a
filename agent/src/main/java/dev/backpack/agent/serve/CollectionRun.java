package dev.backpack.agent.serve;

import dev.backpack.agent.summary.TerminationSummary;

/**
 * One collect-and-deliver run, as the CLI's runner does it (de-duplication, collectors, sink). Serve
 * mode calls it at start and for each {@code POST /collect}; never concurrently.
 */
@FunctionalInterface
public interface CollectionRun {

    /**
     * @param uuid  the uuid to collect under, or null for the one given on the command line
     * @param adHoc true for {@code POST /collect}: the user asked for a new collection, so it runs even
     *              if Redis says this node was collected (document ids keep the index duplicate-free)
     * @return the run's summary; failures are reported in it, not thrown
     */
    TerminationSummary collect(String uuid, boolean adHoc);
}
