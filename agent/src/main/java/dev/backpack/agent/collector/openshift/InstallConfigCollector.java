package dev.backpack.agent.collector.openshift;

import dev.backpack.agent.collector.Collector;
import dev.backpack.agent.collector.Fact;
import dev.backpack.agent.collector.ModuleFacts;
import dev.backpack.agent.collector.k8s.ClusterSession;
import dev.backpack.agent.collector.k8s.ClusterUnavailableException;
import dev.backpack.contract.MetadataModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The installer's {@code install-config} from ConfigMap {@code kube-system/cluster-config-v1}, the
 * only ConfigMap the agent's role may read. The pull secret and anything else that looks like a
 * credential is replaced by {@code <redacted>} before it can reach a document.
 */
public final class InstallConfigCollector implements Collector {
    static final String NAMESPACE = "kube-system";
    static final String NAME = "cluster-config-v1";
    static final String KEY = "install-config";
    static final String REDACTED = "<redacted>";
    static final Set<String> SECRET_KEYS = Set.of("pullsecret", "password", "token", "secret", "credentials",
            "privatekey", "auth");

    private final ClusterSession cluster;

    public InstallConfigCollector(ClusterSession cluster) {
        this.cluster = cluster;
    }

    @Override
    public MetadataModule module() {
        return MetadataModule.OCP_INSTALL_CONFIG;
    }

    @Override
    public ModuleFacts collect() {
        ConfigMap configMap;
        try {
            if (!cluster.hasApiGroup("config.openshift.io")) {
                return ModuleFacts.skipped("not OpenShift (API group config.openshift.io is not served)");
            }
            configMap = cluster.read("ConfigMap " + NAMESPACE + "/" + NAME,
                    c -> c.configMaps().inNamespace(NAMESPACE).withName(NAME).get());
        } catch (ClusterUnavailableException e) {
            return ModuleFacts.skipped(e.getMessage());
        }
        if (configMap == null || configMap.getData() == null || !configMap.getData().containsKey(KEY)) {
            return ModuleFacts.skipped("ConfigMap " + NAMESPACE + "/" + NAME + " has no " + KEY
                    + " (a cluster not installed by openshift-install)");
        }
        Object parsed = Serialization.unmarshal(configMap.getData().get(KEY), Map.class);
        return ModuleFacts.of(List.of(new Fact("openshift", redact(parsed))));
    }

    /** Deep copy with credential-like keys replaced; keys compare case-insensitively without separators. */
    static Object redact(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                String normalized = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                out.put(key, SECRET_KEYS.contains(normalized) ? REDACTED : redact(v));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(InstallConfigCollector::redact).toList();
        }
        return value;
    }
}
