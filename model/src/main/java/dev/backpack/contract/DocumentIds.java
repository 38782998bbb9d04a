package dev.backpack.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Document ids: sha256 of the canonical JSON of {@code module, host, source_type, value, uuid}, taken
 * before node, pod and timestamp are added (upstream's rule). For cluster-scoped modules the host is
 * left out, so every node reporting the same cluster fact yields the same id.
 */
public final class DocumentIds {
    // One digest per thread: getInstance walks the security providers on every call, a visible cost
    // when a run ids a thousand sysctl documents; digest() resets it for the next id.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(DocumentIds::newSha256);
    private static final HexFormat HEX = HexFormat.of();

    private DocumentIds() {
    }

    public static String compute(MetadataModule module, String host, String sourceType, Object value, String uuid) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("module", module.moduleName());
        if (module.scope() == ModuleScope.NODE) {
            identity.put("host", host);
        }
        identity.put("source_type", sourceType);
        identity.put("value", value);
        identity.put("uuid", uuid);
        return sha256(canonicalJson(identity));
    }

    /** JSON with the keys of every map sorted, as databind's ORDER_MAP_ENTRIES_BY_KEYS wrote it (ids depend on it). */
    public static String canonicalJson(Object value) {
        return JsonTreeWriter.CANONICAL.toJson(value);
    }

    public static String sha256(String text) {
        MessageDigest digest = SHA256.get();
        return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
