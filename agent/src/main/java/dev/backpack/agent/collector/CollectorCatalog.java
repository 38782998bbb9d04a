package dev.backpack.agent.collector;

import dev.backpack.agent.collector.block.BlockCollector;
import dev.backpack.agent.collector.cpu.CpuInfoCollector;
import dev.backpack.agent.collector.dmi.DmidecodeCollector;
import dev.backpack.agent.collector.gpu.NvidiaSmiCollector;
import dev.backpack.agent.collector.graphics.GraphicsCollector;
import dev.backpack.agent.collector.k8s.ClusterSession;
import dev.backpack.agent.collector.k8s.K8sClusterInfoCollector;
import dev.backpack.agent.collector.k8s.K8sNodesCollector;
import dev.backpack.agent.collector.kernel.KernelCollector;
import dev.backpack.agent.collector.memory.MemInfoCollector;
import dev.backpack.agent.collector.network.NetworkCollector;
import dev.backpack.agent.collector.openshift.InstallConfigCollector;
import dev.backpack.agent.collector.openshift.OpenShiftConfigCollector;
import dev.backpack.agent.collector.packages.PackagesCollector;
import dev.backpack.agent.collector.pci.LspciCollector;
import dev.backpack.agent.collector.power.PowerCollector;
import dev.backpack.agent.collector.sensors.SensorsCollector;
import dev.backpack.agent.collector.sysctl.SysctlCollector;
import dev.backpack.agent.collector.usb.UsbCollector;
import dev.backpack.agent.collector.vulnerabilities.CpuVulnerabilitiesCollector;
import dev.backpack.agent.host.CommandRunner;
import dev.backpack.agent.host.HostPaths;
import dev.backpack.contract.MetadataModule;

/**
 * The explicit list of collectors, one per module. A collector is built only when its module is
 * selected, so a {@code --tags common} run never loads the Kubernetes client classes, nor OSHI and JNA
 * (only the {@code hardware} modules use them).
 */
public final class CollectorCatalog implements CollectorFactory {

    /** What collectors may use: the host root, the run's cluster session, host tools, the machine name. */
    public record Context(HostPaths host, ClusterSession cluster, CommandRunner commands, String machine) {
    }

    @Override
    public Collector create(MetadataModule module, Context ctx) {
        return switch (module) {
            case CPUINFO -> new CpuInfoCollector(ctx.host(), ctx.machine());
            case MEMINFO -> new MemInfoCollector(ctx.host());
            case SYSCTL -> new SysctlCollector(ctx.host());
            case LSPCI -> new LspciCollector(ctx.host());
            case CPU_VULNERABILITIES -> new CpuVulnerabilitiesCollector(ctx.host());
            case DMIDECODE -> new DmidecodeCollector(ctx.host());
            case KERNEL -> new KernelCollector(ctx.host(), ctx.machine());
            case NETWORK -> new NetworkCollector(ctx.host());
            case BLOCK -> new BlockCollector(ctx.host());
            case K8S_NODES -> new K8sNodesCollector(ctx.cluster());
            case K8S_CLUSTER_INFO -> new K8sClusterInfoCollector(ctx.cluster());
            case OCP_INSTALL_CONFIG -> new InstallConfigCollector(ctx.cluster());
            case OCP_CLUSTER_VERSION, OCP_INFRASTRUCTURE, OCP_NETWORK, OCP_DNS, OCP_INGRESS, OCP_KUBE_APISERVER,
                    OCP_KUBE_CONTROLLER_MANAGER -> new OpenShiftConfigCollector(module, ctx.cluster());
            case NVIDIA_SMI -> new NvidiaSmiCollector(ctx.commands());
            case PACKAGES -> new PackagesCollector(ctx.host(), ctx.commands());
            case SENSORS -> SensorsCollector.forHost(ctx.host());
            case USB -> UsbCollector.forHost(ctx.host());
            case GRAPHICS -> GraphicsCollector.forHost(ctx.host());
            case POWER -> PowerCollector.forHost(ctx.host());
        };
    }

    /** {@code uname -m} spelling of the JVM's architecture (the agent runs on the node it reads). */
    public static String machineOf(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> osArch;
        };
    }
}
