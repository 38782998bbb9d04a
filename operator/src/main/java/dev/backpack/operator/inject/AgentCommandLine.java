package dev.backpack.operator.inject;

import dev.backpack.contract.AgentFlags;
import dev.backpack.model.v1alpha1.CaBundleRef;
import dev.backpack.model.v1alpha1.ElasticsearchSpec;
import dev.backpack.model.v1alpha1.MetadataSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's arguments, built from {@link AgentFlags} so the operator and the agent cannot drift apart.
 * Node and pod name use Kubernetes' own {@code $(VAR)} expansion of container args: no shell is involved,
 * so nothing the user wrote is ever interpreted by one.
 */
public final class AgentCommandLine {
    public static final String NODE_NAME_ENV = "my_node_name";
    public static final String POD_NAME_ENV = "my_pod_name";
    public static final String CA_MOUNT_DIR = "/etc/backpack/ca";

    private AgentCommandLine() {
    }

    /** Arguments of the one-shot collector (the targeted init container). */
    public static List<String> collect(AgentSettings settings) {
        return common(settings);
    }

    /** Arguments of {@code backpack serve} (the DaemonSet agent). */
    public static List<String> serve(AgentSettings settings) {
        List<String> args = new ArrayList<>();
        args.add(AgentFlags.SERVE);
        args.addAll(common(settings));
        args.add(AgentFlags.LISTEN + "=" + AgentFlags.DEFAULT_SERVE_PORT);
        return args;
    }

    private static List<String> common(AgentSettings settings) {
        ElasticsearchSpec es = settings.elasticsearch();
        MetadataSpec metadata = settings.metadata();
        List<String> args = new ArrayList<>();
        args.add(AgentFlags.SERVER_SHORT + "=" + es.getServer());
        args.add(AgentFlags.PORT_SHORT + "=" + es.portOrDefault());
        args.add(AgentFlags.UUID_SHORT + "=" + settings.uuid());
        args.add(AgentFlags.NODENAME_SHORT + "=$(" + NODE_NAME_ENV + ")");
        args.add(AgentFlags.PODNAME_SHORT + "=$(" + POD_NAME_ENV + ")");
        if (settings.redisEnabled()) {
            args.add(AgentFlags.REDIS_IP + "=" + settings.redisHost());
            args.add(AgentFlags.REDIS_PORT + "=" + settings.redisPort());
        }
        if (metadata.forceOrDefault()) {
            args.add(AgentFlags.FORCE);
        }
        args.add(AgentFlags.TAGS + "=" + String.join(",", metadata.effectiveTags()));
        if (!metadata.effectiveSkipTags().isEmpty()) {
            args.add(AgentFlags.SKIP_TAGS + "=" + String.join(",", metadata.effectiveSkipTags()));
        }
        if (es.skipsTlsVerification()) {
            args.add(AgentFlags.INSECURE_SKIP_VERIFY);
        }
        CaBundleRef ca = es.getCaBundle();
        if (ca != null) {
            args.add(AgentFlags.CACERT + "=" + CA_MOUNT_DIR + "/" + ca.keyOrDefault());
        }
        args.add(AgentFlags.HOST_ROOT + "=" + AgentFlags.DEFAULT_CONTAINER_HOST_ROOT);
        // Named explicitly (it is the container's terminationMessagePath) so the agent never has to guess
        // whether it runs in a pod: outside one, /dev/termination-log is not a file to create.
        args.add(AgentFlags.TERMINATION_LOG + "=" + AgentFlags.DEFAULT_TERMINATION_LOG);
        return args;
    }
}
