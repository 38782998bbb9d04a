package dev.backpack.agent.cli.options;

import dev.backpack.agent.cli.BackpackException;

import java.util.regex.Pattern;

/**
 * Checks for flag values that need no network: ports, names, free text. Each failure is a usage error
 * naming the flag and what it accepts; a long or multi-line value is never echoed whole.
 */
final class FlagValues {
    static final int MAX_NAME_LENGTH = 253;
    private static final int EXCERPT = 40;
    /** Host, node and pod names: DNS-like, but case and '_' tolerated as hosts outside Kubernetes have them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    private FlagValues() {
    }

    static void requirePort(String flag, Integer port) {
        if (port != null && (port < 1 || port > 65535)) {
            throw BackpackException.usage(flag + " " + port + " is not a port; use 1-65535");
        }
    }

    /** Not empty, one line, at most {@code maxLength} characters. */
    static void requireText(String flag, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw BackpackException.usage(flag + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw BackpackException.usage(flag + " is " + value.length() + " characters long ('" + excerpt(value)
                    + "'); use at most " + maxLength);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw BackpackException.usage(flag + " '" + excerpt(value)
                    + "' contains a control character (newline, tab, ...); pass it on one line");
        }
    }

    /** A host, node or pod name: letters, digits, '.', '-', '_', starting and ending with a letter or digit. */
    static void requireName(String flag, String value) {
        requireText(flag, value, MAX_NAME_LENGTH);
        if (value != null && !NAME.matcher(value).matches()) {
            throw BackpackException.usage(flag + " '" + excerpt(value) + "' is not a host or Kubernetes name; use "
                    + "letters, digits, '.', '-' and '_', starting and ending with a letter or digit");
        }
    }

    /** The start of a value for a message, control characters shown as '?'. */
    static String excerpt(String value) {
        String start = value.length() > EXCERPT ? value.substring(0, EXCERPT) + "..." : value;
        return start.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
