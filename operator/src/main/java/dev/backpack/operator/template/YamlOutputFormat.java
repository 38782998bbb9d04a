package dev.backpack.operator.template;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

import java.io.IOException;
import java.io.Writer;

/**
 * The output format of every workload template: each {@code ${...}} is escaped into the body of a YAML
 * double-quoted scalar, so {@code image: "${args.image}"} parses back to exactly what the user typed,
 * quotes, backslashes, newlines, {@code </}, {@code ${} and all. FreeMarker's {@code ?json_string} is not
 * that: it writes {@code <\/}, which YAML 1.1 (SnakeYAML) refuses, and leaves C1 controls and line
 * separators raw, which YAML reads as line breaks or refuses.
 * <p>
 * Only {@code "}, {@code \} and what YAML would not keep byte for byte are escaped; digits, letters and
 * punctuation pass unchanged, so numbers and booleans can stand unquoted ({@code replicas: ${n}}).
 * {@code ?no_esc} inserts raw YAML on purpose.
 */
public final class YamlOutputFormat extends CommonMarkupOutputFormat<YamlOutputFormat.Yaml> {
    public static final YamlOutputFormat INSTANCE = new YamlOutputFormat();

    private YamlOutputFormat() {
    }

    /** The body of a double-quoted scalar (without the quotes) that YAML 1.1 and 1.2 read back as {@code text}. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement == null && Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = unicode(c);
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            default:
                break;
        }
        // C0 and C1 controls, DEL, NEL and the Unicode line/paragraph separators (YAML line breaks),
        // the BOM and the non-characters U+FFFE/U+FFFF: not printable, or not kept, in a YAML stream.
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || c == '\uFFFE' || c == '\uFFFF') {
            return unicode(c);
        }
        return null;
    }

    private static String unicode(char c) {
        return String.format("\\u%04X", (int) c);
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escape(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return escape(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Yaml newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Yaml(plainTextContent, markupContent);
    }

    @Override
    public String getName() {
        return "YAML";
    }

    @Override
    public String getMimeType() {
        return "application/yaml";
    }

    /** A piece of YAML text (escaped or written with {@code ?no_esc}). */
    public static final class Yaml extends CommonTemplateMarkupOutputModel<Yaml> {
        Yaml(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public YamlOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
