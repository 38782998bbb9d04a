package dev.backpack.agent.sink.search;

import dev.backpack.contract.IndexNames;
import dev.backpack.contract.MetadataDocument;
import dev.backpack.contract.RawResultDocument;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

import java.util.ArrayList;
import java.util.List;

/** One document of a delivery on its way to the index: a module's document or the node's raw result. */
sealed interface PendingDocument {

    String index();

    String id();

    Object source();

    /** A document of {@code module}, counted in that module's delivery report. */
    record OfModule(String module, String index, String id, Object source) implements PendingDocument {
    }

    /** The node's raw result: reported as {@code rawDelivered}, not under a module. */
    record Raw(String id, Object source) implements PendingDocument {
        @Override
        public String index() {
            return IndexNames.RAW;
        }
    }

    /** The module documents in order, then the raw result if there is one. */
    static List<PendingDocument> of(List<MetadataDocument> documents, RawResultDocument raw) {
        List<PendingDocument> pending = new ArrayList<>(documents.size() + 1);
        for (MetadataDocument doc : documents) {
            pending.add(new OfModule(doc.module(), doc.index(), doc.id(), OversizedLeaves.sendable(doc)));
        }
        if (raw != null) {
            pending.add(new Raw(raw.id(), raw));
        }
        return pending;
    }

    /** op_type create with the document's id: a second copy is a 409, never a duplicate. */
    default BulkOperation createOperation() {
        return BulkOperation.of(op -> op.create(c -> c.index(index()).id(id()).document(source())));
    }
}
