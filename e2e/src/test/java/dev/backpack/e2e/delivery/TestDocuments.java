package dev.backpack.e2e.delivery;

import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small, realistic documents for one (uuid, node); values are objects so index mappings stay compatible. */
final class TestDocuments {
    static final String TIMESTAMP = "2026-11-26T12:00:00Z";
    static final String VERSION = "test";
    /** A captured host from the agent module's fixtures, for in-process runs; e2e runs in its own folder. */
    static final Path CAPTURED_HOST = Path.of("../agent/src/test/resources/hosts/firecracker-vm").toAbsolutePath();

    private TestDocuments() {
    }

    static String newUuid() {
        return UUID.randomUUID().toString();
    }

    static List<MetadataDocument> nodeDocuments(String uuid, String node) {
        return List.of(
                MetadataDocument.of(MetadataModule.CPUINFO, node, "lscpu", Map.of("model_name", "Test CPU", "cpus", 8),
                        uuid, node, node + "-pod", TIMESTAMP, VERSION),
                MetadataDocument.of(MetadataModule.CPUINFO, node, "cpu_flags", Map.of("flags", List.of("sse", "avx")),
                        uuid, node, node + "-pod", TIMESTAMP, VERSION),
                MetadataDocument.of(MetadataModule.MEMINFO, node, "/proc/meminfo", Map.of("MemTotal", 16384000),
                        uuid, node, node + "-pod", TIMESTAMP, VERSION));
    }

    static MetadataDocument clusterFact(String uuid, String node) {
        return MetadataDocument.of(MetadataModule.K8S_CLUSTER_INFO, node, "version",
                Map.of("gitVersion", "v1.31.0"), uuid, node, node + "-pod", TIMESTAMP, VERSION);
    }

    static RawResultDocument raw(String uuid, String node) {
        return RawResultDocument.of(uuid, node, node + "-pod", TIMESTAMP, VERSION,
                Map.of("cpuinfo", Map.of("model_name", "Test CPU"), "sysctl", Map.of("kernel.pid_max", "4194304")));
    }
}
