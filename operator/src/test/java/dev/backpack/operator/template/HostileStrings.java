package dev.backpack.operator.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A corpus of strings users could type and YAML or FreeMarker could mangle: fixed cases, and random ones
 * (fixed seed, so a failure is reproducible by its index) built from quotes, backslashes, FreeMarker
 * syntax, YAML indicators, line breaks, controls and arbitrary code points. No NUL, which no Kubernetes
 * string can carry.
 */
final class HostileStrings {
    static final long SEED = 20261203L;

    private static final List<String> PIECES = List.of(
            "\"", "'", "\\", "\\\\", "\\n", "\\u0041", "</", "</dev/null", "<\\/", "${", "${uuid}", "}", "<#", "<#stop \"x\">",
            "#{", "#{1}", "[#", "[=", "<@", "</#if>", ": ", " #", "# ", "- ", "-", "? ", "{", "}", "[", "]", ",",
            "&", "&a", "*", "*a", "!", "!!str", "|", ">", "%", "@", "`", "---", "...", "~", "null", "true", "no",
            "0x1F", "1e3", "012", " ", "  ", "\t", "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "\u00a0",
            "\ufeff", "\u0007", "\u001b", "\u007f", "\u0080", "\u009f", "\ufffe", "\uffff", "é", "ü", "日本",
            "😀", "\uD834\uDD1E", "uperf -m /tmp/p.xml", "a", "=", ";", "$(VAR)", "$HOME", "&&", "||");

    private HostileStrings() {
    }

    static List<String> corpus(int randomCount) {
        List<String> all = new ArrayList<>(List.of(
                "",
                "uperf -m /tmp/p.xml </dev/null",
                "echo \"a: b\" # not a comment\nnext line",
                "${uuid} <#if true>x</#if> #{1} [=uuid] <@m/>",
                "C:\\Windows\\ \"quoted\" \\\"escaped\\\"",
                " leading and trailing ",
                "\n\n",
                "key: value\n- item\n? complex\n",
                "x".repeat(20_000)));
        Random random = new Random(SEED);
        for (int i = 0; i < randomCount; i++) {
            StringBuilder s = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(4) == 0) {
                    s.appendCodePoint(randomCodePoint(random));
                } else {
                    s.append(PIECES.get(random.nextInt(PIECES.size())));
                }
            }
            all.add(s.toString());
        }
        return all;
    }

    /** Any valid code point but NUL and lone surrogates. */
    private static int randomCodePoint(Random random) {
        while (true) {
            int cp = switch (random.nextInt(3)) {
                case 0 -> 1 + random.nextInt(0x7F);
                case 1 -> random.nextInt(0x10000);
                default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
            if (cp != 0 && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                return cp;
            }
        }
    }
}
