package dev.backpack.agent.collector.k8s;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.Values;
import dev.backpack.contract.MetadataModule;
import io.fabric8.kubernetes.client.VersionInfo;

import java.util.List;

/** The API server's {@code /version}: one cluster-wide document (the same id from every node). */
public final class K8sClusterInfoCollector implements Collector {
    private final ClusterSession cluster;

    public K8sClusterInfoCollector(ClusterSession cluster) {
        this.cluster = cluster;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.K8S_CLUSTER_INFO;
    }

    @Override
    public ModuleFacts collect() {
        VersionInfo version;
        try {
            version = cluster.version();
        } catch (ClusterUnavailableException e) {
            return ModuleFacts.skipped(e.getMessage());
        }
        Values v = Values.create()
                .put("git_version", version.getGitVersion())
                .put("major", version.getMajor())
                .put("minor", version.getMinor())
                .put("platform", version.getPlatform())
                .put("go_version", version.getGoVersion())
                .put("git_commit", version.getGitCommit())
                .put("build_date", version.getBuildDate() == null ? null : version.getBuildDate().toInstant().toString());
        return ModuleFacts.of(List.of(new Fact("kubernetes", v.toMap())));
    }
}
