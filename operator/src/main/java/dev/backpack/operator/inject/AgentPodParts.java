package dev.backpack.operator.inject;

import dev.backpack.contract.AgentFlags;
import dev.backpack.model.v1alpha1.CaBundleRef;
import dev.backpack.model.v1alpha1.SecretCredentials;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts every agent container needs, whether it runs as an init container or in the DaemonSet: the
 * node's /proc, /sys and /etc/os-release mounted read-only under the host root (so NICs, disks, DMI and
 * sysctls are the node's, not the container's), node/pod names from the downward API, credentials from a
 * Secret reference (never inlined: the operator does not read Secrets), the CA bundle, and small, set
 * resources so the agent never competes with the benchmark.
 */
public final class AgentPodParts {
    public static final String CONTAINER_NAME = "backpack";
    public static final String HOST_PROC_VOLUME = "backpack-host-proc";
    public static final String HOST_SYS_VOLUME = "backpack-host-sys";
    public static final String HOST_OS_RELEASE_VOLUME = "backpack-host-os-release";
    public static final String CA_VOLUME = "backpack-ca";

    private static final String ROOT = AgentFlags.DEFAULT_CONTAINER_HOST_ROOT;

    private AgentPodParts() {
    }

    /** The agent container with everything but its probes and ports. */
    public static ContainerBuilder container(AgentSettings settings, List<String> args) {
        return new ContainerBuilder()
                .withName(CONTAINER_NAME)
                .withImage(settings.image())
                .withCommand(AgentFlags.COMMAND)
                .withArgs(args)
                .withEnv(env(settings))
                .withVolumeMounts(mounts(settings))
                .withNewSecurityContext()
                    .withPrivileged(settings.metadata().privilegedOrDefault())
                .endSecurityContext()
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")))
                        .withLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("512Mi")))
                        .build());
    }

    public static Container initContainer(AgentSettings settings) {
        return container(settings, AgentCommandLine.collect(settings)).build();
    }

    static List<EnvVar> env(AgentSettings settings) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder().withName(AgentCommandLine.NODE_NAME_ENV)
                .withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName").endFieldRef().endValueFrom()
                .build());
        env.add(new EnvVarBuilder().withName(AgentCommandLine.POD_NAME_ENV)
                .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom()
                .build());
        SecretCredentials credentials = settings.elasticsearch().getCredentialsSecret();
        if (credentials != null) {
            env.add(secretEnv(AgentFlags.USERNAME_ENV, credentials.getName(), credentials.usernameKeyOrDefault()));
            env.add(secretEnv(AgentFlags.PASSWORD_ENV, credentials.getName(), credentials.passwordKeyOrDefault()));
        }
        return env;
    }

    private static EnvVar secretEnv(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name)
                .withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key).endSecretKeyRef().endValueFrom()
                .build();
    }

    static List<VolumeMount> mounts(AgentSettings settings) {
        List<VolumeMount> mounts = new ArrayList<>(List.of(
                readOnly(HOST_PROC_VOLUME, ROOT + "/proc"),
                readOnly(HOST_SYS_VOLUME, ROOT + "/sys"),
                readOnly(HOST_OS_RELEASE_VOLUME, ROOT + "/etc/os-release")));
        if (settings.elasticsearch().getCaBundle() != null) {
            mounts.add(readOnly(CA_VOLUME, AgentCommandLine.CA_MOUNT_DIR));
        }
        return mounts;
    }

    private static VolumeMount readOnly(String volume, String path) {
        return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
    }

    /** The volumes the agent's mounts refer to. */
    public static List<Volume> volumes(AgentSettings settings) {
        List<Volume> volumes = new ArrayList<>(List.of(
                hostPath(HOST_PROC_VOLUME, "/proc", "Directory"),
                hostPath(HOST_SYS_VOLUME, "/sys", "Directory"),
                hostPath(HOST_OS_RELEASE_VOLUME, "/etc/os-release", "File")));
        CaBundleRef ca = settings.elasticsearch().getCaBundle();
        if (ca != null) {
            VolumeBuilder volume = new VolumeBuilder().withName(CA_VOLUME);
            var item = new KeyToPathBuilder().withKey(ca.keyOrDefault()).withPath(ca.keyOrDefault()).build();
            if (ca.getSecretName() != null) {
                volume.withNewSecret().withSecretName(ca.getSecretName()).withItems(item).endSecret();
            } else {
                volume.withNewConfigMap().withName(ca.getConfigMapName()).withItems(item).endConfigMap();
            }
            volumes.add(volume.build());
        }
        return volumes;
    }

    private static Volume hostPath(String name, String path, String type) {
        return new VolumeBuilder().withName(name).withNewHostPath().withPath(path).withType(type).endHostPath().build();
    }
}
