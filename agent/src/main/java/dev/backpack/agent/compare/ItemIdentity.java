package dev.backpack.agent.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a document or list element is about, so the same thing is matched across runs: a sysctl's
 * {@code key}, a NIC's or disk's {@code name}, a PCI {@code slot}, a DMI {@code section} (with its
 * socket or slot when there are several), a mount point, a NUMA node.
 */
final class ItemIdentity {
    /** Fields that name a document's subject, in order of preference. */
    private static final List<String> DOCUMENT_KEYS = List.of("name", "slot", "index");
    /** Fields that name an element of a list inside a document. */
    private static final List<String> ELEMENT_KEYS = List.of("name", "key", "mount_point", "node", "locator",
            "type", "index", "slot", "pci_slot", "size");
    /** Which of several DMI sections of one kind this is. */
    private static final List<String> SECTION_KEYS = List.of("socket_designation", "locator", "designation", "handle");

    /** @param item the identity ({@code ""} when the document has none); @param rest the value without it */
    record Identified(String item, Object rest) {
    }

    private ItemIdentity() {
    }

    static Identified ofDocument(Map<?, ?> value) {
        // sysctl: {key, value} — the fact is the key itself, e.g. vm.swappiness.
        if (value.size() == 2 && value.containsKey("key") && value.containsKey("value")) {
            return new Identified(String.valueOf(value.get("key")), value.get("value"));
        }
        if (value.get("section") != null) {
            String item = String.valueOf(value.get("section"));
            List<String> used = new java.util.ArrayList<>(List.of("section"));
            for (String key : SECTION_KEYS) {
                if (value.get(key) != null) {
                    item = item + "[" + value.get(key) + "]";
                    used.add(key);
                    break;
                }
            }
            return new Identified(item, without(value, used));
        }
        if (value.get("kind") != null && value.get("name") != null) {
            return new Identified(value.get("kind") + "/" + value.get("name"), without(value, List.of("kind", "name")));
        }
        for (String key : DOCUMENT_KEYS) {
            if (value.get(key) != null) {
                String item = String.valueOf(value.get(key));
                if (key.equals("name") && value.get("arch") != null) {
                    // packages: one per name and architecture
                    return new Identified(item + "." + value.get("arch"), without(value, List.of("name", "arch")));
                }
                return new Identified(item, without(value, List.of(key)));
            }
        }
        return new Identified("", value);
    }

    static Identified ofElement(Map<?, ?> element) {
        for (String key : ELEMENT_KEYS) {
            Object id = element.get(key);
            if (id != null && !(id instanceof Map) && !(id instanceof List)) {
                return new Identified(String.valueOf(id), without(element, List.of(key)));
            }
        }
        return new Identified(null, element);
    }

    private static Map<Object, Object> without(Map<?, ?> value, List<String> keys) {
        Map<Object, Object> rest = new LinkedHashMap<>(value);
        keys.forEach(rest::remove);
        return rest;
    }
}
