package dev.backpack.agent.run;

import dev.backpack.agent.collector.k8s.KubernetesAccess;
import dev.backpack.agent.host.CommandRunner;
import dev.backpack.contract.TagSelection;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one collection run needs. Immutable, so one {@link CollectionRunner} can serve many
 * concurrent runs (a fleet of simulated nodes) with different settings.
 *
 * @param podName     may be null (not running in a pod)
 * @param machine     {@code uname -m} of the node, e.g. {@code x86_64}
 */
public record RunSettings(String uuid, String nodeName, String podName, Path hostRoot, TagSelection selection,
                          KubernetesAccess kubernetes, CommandRunner commands, String machine) {
    public RunSettings {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(hostRoot, "hostRoot");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(machine, "machine");
    }
}
