package dev.backpack.e2e.sim;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A container's mount namespace, played with a directory: every volumeMount becomes a symlink under a
 * per-container root pointing at its source (a host path of the simulated node, or the materialized
 * Secret/ConfigMap/emptyDir), and absolute paths on the command line that fall inside the mounts are
 * rewritten to that root, as the container would see them.
 */
final class PodFilesystem {
    static final String DEFAULT_TERMINATION_PATH = "/dev/termination-log";

    private final Path root;
    private final List<String> mountPaths = new ArrayList<>();
    private final String terminationPath;

    private PodFilesystem(Path root, String terminationPath) {
        this.root = root;
        this.terminationPath = terminationPath;
    }

    static PodFilesystem create(KubernetesClient client, Pod pod, Container container, Path podDir, Path nodeRoot) {
        try {
            Path root = Files.createDirectories(podDir.resolve(container.getName()).resolve("root"));
            String termination = container.getTerminationMessagePath() == null
                    ? DEFAULT_TERMINATION_PATH : container.getTerminationMessagePath();
            PodFilesystem fs = new PodFilesystem(root, termination);
            Path terminationFile = fs.resolve(termination);
            Files.createDirectories(terminationFile.getParent());
            Files.deleteIfExists(terminationFile);
            Files.createFile(terminationFile);
            fs.mountPaths.add(termination);
            for (VolumeMount mount : container.getVolumeMounts() == null ? List.<VolumeMount>of() : container.getVolumeMounts()) {
                Volume volume = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("volumeMount " + mount.getName() + " has no volume"));
                Path source = fs.source(client, pod, volume, podDir, nodeRoot);
                if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                    source = source.resolve(mount.getSubPath());
                }
                Path target = fs.resolve(mount.getMountPath());
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, source);
                fs.mountPaths.add(mount.getMountPath());
            }
            return fs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path source(KubernetesClient client, Pod pod, Volume volume, Path podDir, Path nodeRoot) throws IOException {
        String ns = pod.getMetadata().getNamespace();
        if (volume.getHostPath() != null) {
            return nodeRoot.resolve(volume.getHostPath().getPath().replaceFirst("^/", ""));
        }
        Path dir = Files.createDirectories(podDir.resolve("volumes").resolve(volume.getName()));
        if (volume.getSecret() != null) {
            Secret secret = client.secrets().inNamespace(ns).withName(volume.getSecret().getSecretName()).get();
            if (secret == null) {
                throw new IllegalStateException("MountVolume.SetUp failed: secret " + volume.getSecret().getSecretName() + " not found");
            }
            for (Map.Entry<String, String> e : secret.getData().entrySet()) {
                Files.write(dir.resolve(e.getKey()), Base64.getDecoder().decode(e.getValue()));
            }
        } else if (volume.getConfigMap() != null) {
            ConfigMap cm = client.configMaps().inNamespace(ns).withName(volume.getConfigMap().getName()).get();
            if (cm == null) {
                throw new IllegalStateException("MountVolume.SetUp failed: configmap " + volume.getConfigMap().getName() + " not found");
            }
            for (Map.Entry<String, String> e : cm.getData().entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        }
        return dir;
    }

    Path resolve(String containerPath) {
        return root.resolve(containerPath.replaceFirst("^/+", ""));
    }

    /** Rewrites {@code /abs/path} and {@code --flag=/abs/path} when the path is a mount, inside one, or holds mounts. */
    String translate(String arg) {
        int eq = arg.indexOf('=');
        if (eq > 0 && arg.startsWith("-")) {
            return arg.substring(0, eq + 1) + translatePath(arg.substring(eq + 1));
        }
        return translatePath(arg);
    }

    private String translatePath(String path) {
        if (!path.startsWith("/")) {
            return path;
        }
        String normalized = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        boolean visible = mountPaths.stream().anyMatch(m -> normalized.equals(m) || normalized.startsWith(m + "/")
                || m.startsWith(normalized + "/"));
        return visible ? resolve(path).toString() : path;
    }

    String terminationMessage() {
        try {
            String text = Files.readString(resolve(terminationPath), StandardCharsets.UTF_8);
            // the kubelet keeps at most 4096 bytes of a termination message
            return text.length() > 4096 ? text.substring(text.length() - 4096) : text;
        } catch (IOException e) {
            return "";
        }
    }
}
