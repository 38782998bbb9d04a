package dev.backpack.model.v1alpha1;

/**
 * Schema stand-in for free-form maps: an object with no declared properties, so that with
 * {@code x-kubernetes-preserve-unknown-fields} any value type is accepted (a plain {@code Map<String, Object>}
 * would require every value to be an object).
 */
final class FreeFormObject {
    private FreeFormObject() {
    }
}
