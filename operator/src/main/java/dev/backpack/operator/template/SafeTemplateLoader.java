package dev.backpack.operator.template;

import freemarker.cache.TemplateLoader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses templates that still escape by hand. Every {@code ${...}} is already escaped by
 * {@link YamlOutputFormat}; {@code ?json_string} or {@code ?js_string} on top would escape twice and
 * silently turn a user's {@code "} into {@code \"} in the pod, so such a template fails to load with a
 * message saying what to remove instead. {@code ?eval} and {@code ?interpret} are refused the same way: they
 * would run a user's string as FreeMarker, and a value a user typed must only ever be text.
 */
final class SafeTemplateLoader implements TemplateLoader {
    private static final Pattern HAND_ESCAPING = Pattern.compile("\\?\\s*(json_string|js_string)\\b");
    private static final Pattern EVALUATION = Pattern.compile("\\?\\s*(eval|interpret)\\b");

    private final TemplateLoader delegate;

    SafeTemplateLoader(TemplateLoader delegate) {
        this.delegate = delegate;
    }

    /** A template escapes by hand; the message names the template, the line and the fix. */
    static final class UnsafeTemplateException extends IOException {
        UnsafeTemplateException(String message) {
            super(message);
        }
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        Object source = delegate.findTemplateSource(name);
        return source == null ? null : new Source(name, source);
    }

    @Override
    public long getLastModified(Object templateSource) {
        return delegate.getLastModified(((Source) templateSource).source());
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        Source source = (Source) templateSource;
        String text;
        try (Reader in = delegate.getReader(source.source(), encoding)) {
            StringBuilder all = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.append(buffer, 0, n);
            }
            text = all.toString();
        }
        Matcher m = HAND_ESCAPING.matcher(text);
        if (m.find()) {
            throw new UnsafeTemplateException("template " + source.name() + " line " + lineOf(text, m.start())
                    + " uses ?" + m.group(1)
                    + ", which now escapes twice: every ${...} is escaped for a YAML double-quoted string by itself;"
                    + " write \"${x}\" instead of \"${x?" + m.group(1) + "}\"");
        }
        Matcher evaluation = EVALUATION.matcher(text);
        if (evaluation.find()) {
            throw new UnsafeTemplateException("template " + source.name() + " line " + lineOf(text, evaluation.start())
                    + " uses ?" + evaluation.group(1) + ", which would run a string as FreeMarker; templates may only"
                    + " print values, never evaluate them");
        }
        return new StringReader(text);
    }

    private static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    @Override
    public void closeTemplateSource(Object templateSource) throws IOException {
        delegate.closeTemplateSource(((Source) templateSource).source());
    }

    /** The delegate's source and its name; equal when the delegate's are, as FreeMarker's cache needs. */
    private record Source(String name, Object source) {
    }
}
