package dev.backpack.model.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API server's rules for names and label values, applied before anything is rendered so that a value
 * Kubernetes would refuse (or a container runtime could not pull) is reported against the Benchmark's
 * field instead of as a failed pod later. Each check returns the problem in words, or empty when fine.
 */
public final class KubernetesValues {
    private static final int MAX_NAME = 63;
    private static final int MAX_SUBDOMAIN = 253;
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubernetesValues() {
    }

    /** A label or node-selector key: an optional DNS subdomain prefix and '/', then a name of at most 63. */
    public static Optional<String> labelKeyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("the key must not be empty");
        }
        int slash = key.lastIndexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > MAX_SUBDOMAIN || !SUBDOMAIN.matcher(prefix).matches()) {
                return Optional.of("key '" + shorten(key) + "' is not a valid label key: its prefix before '/' must be"
                        + " a lower-case DNS subdomain, e.g. node-role.kubernetes.io/worker");
            }
        }
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            return Optional.of("key '" + shorten(key) + "' is not a valid label key: at most 63 letters, digits,"
                    + " '-', '_' or '.', starting and ending with a letter or digit (optionally prefix/name)");
        }
        return Optional.empty();
    }

    /** A label value: empty, or at most 63 letters, digits, '-', '_', '.', starting and ending alphanumeric. */
    public static Optional<String> labelValueProblem(String value) {
        if (value == null) {
            return Optional.of("the value must be a string (use '' for an empty value)");
        }
        if (!value.isEmpty() && (value.length() > MAX_NAME || !NAME.matcher(value).matches())) {
            return Optional.of("value '" + shorten(value) + "' is not a valid label value: empty, or at most 63"
                    + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** A service account (or other object) name: a lower-case DNS subdomain of at most 253 characters. */
    public static Optional<String> objectNameProblem(String name) {
        if (name == null || name.length() > MAX_SUBDOMAIN || !SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("'" + shorten(String.valueOf(name)) + "' is not a Kubernetes name: lower-case letters,"
                    + " digits, '-' and '.', starting and ending with a letter or digit, e.g. backpack-view");
        }
        return Optional.empty();
    }

    /** A container image reference: no spaces, line breaks or control characters anywhere. */
    public static Optional<String> imageProblem(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("is empty");
        }
        if (image.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c))) {
            return Optional.of("'" + shorten(image) + "' is not an image reference: it must not contain spaces,"
                    + " line breaks or control characters, e.g. quay.io/jtaleric/uperf:testing");
        }
        return Optional.empty();
    }

    /** Printable and short, so that one bad value never makes a message of kilobytes or several lines. */
    static String shorten(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "…" : out.toString();
    }
}
