package dev.backpack.agent.document;

import dev.backpack.agent.collector.Fact;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.MetadataModule;
import dev.backpack.contract.RawResultDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's facts into the documents scribe used to write: one {@link MetadataDocument} per fact,
 * {@code host} = the node name, plus one {@link RawResultDocument} holding every module's raw result.
 */
public final class DocumentFactory {
    private final String uuid;
    private final String nodeName;
    private final String podName;
    private final String timestamp;
    private final String version;

    public DocumentFactory(String uuid, String nodeName, String podName, String timestamp, String version) {
        this.uuid = uuid;
        this.nodeName = nodeName;
        this.podName = podName;
        this.timestamp = timestamp;
        this.version = version;
    }

    public List<MetadataDocument> documents(MetadataModule module, List<Fact> facts) {
        List<MetadataDocument> out = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            out.add(MetadataDocument.of(module, nodeName, fact.sourceType(), fact.value(), uuid, nodeName, podName,
                    timestamp, version));
        }
        return out;
    }

    /** @param facts module name → that module's raw result (values, or a skip/error record) */
    public RawResultDocument raw(Map<String, Object> facts) {
        return RawResultDocument.of(uuid, nodeName, podName, timestamp, version, facts);
    }
}
