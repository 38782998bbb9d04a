package dev.backpack.operator.template;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.StopException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workload templates: one directory per workload holding {@code workload.yaml.ftl} (which may
 * {@code <#include>} siblings). Directories under the configured template roots (e.g. a mounted ConfigMap)
 * come first, so users can add or override a workload without rebuilding the operator; the built-in ones
 * are on the classpath under {@code /workloads}.
 */
public final class WorkloadTemplates {
    public static final String ENTRY = "workload.yaml.ftl";
    private static final String BUILT_IN_ROOT = "/workloads";
    private static final String BUILT_IN_INDEX = BUILT_IN_ROOT + "/INDEX";
    private static final Pattern WORKLOAD_NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?");

    private final Configuration freemarker;
    private final List<Path> roots;

    public WorkloadTemplates(List<Path> extraRoots) {
        this.roots = List.copyOf(extraRoots);
        this.freemarker = configure(loaders(roots));
    }

    /** Only the built-in workloads. */
    public static WorkloadTemplates builtIn() {
        return new WorkloadTemplates(List.of());
    }

    /** Renders the workload's entry template to YAML text; pure (no I/O beyond reading the template). */
    public String render(TemplateModel model) throws TemplateFailure {
        Template template = entry(model.workload());
        StringWriter out = new StringWriter(4096);
        try {
            template.process(model, out);
        } catch (StopException e) {
            throw new TemplateFailure("workload " + model.workload() + ": " + e.getMessageWithoutStackTop().strip()
                    + " (" + where(e) + ")");
        } catch (TemplateException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SafeTemplateLoader.UnsafeTemplateException hand) {
                    throw new TemplateFailure("workload " + model.workload() + ": " + hand.getMessage());
                }
            }
            throw new TemplateFailure("workload " + model.workload() + ": " + where(e) + ": "
                    + firstLine(e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            throw new TemplateFailure("workload " + model.workload() + ": could not render: " + e.getMessage());
        }
        return out.toString();
    }

    /** Whether a workload of that name exists (built in or in a template root). */
    public boolean exists(String workload) {
        try {
            entry(workload);
            return true;
        } catch (TemplateFailure e) {
            return false;
        }
    }

    /** Every workload name available, for "unknown workload" messages. */
    public List<String> available() {
        TreeSet<String> names = new TreeSet<>(builtInNames());
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(d -> Files.isRegularFile(d.resolve(ENTRY)))
                        .map(d -> d.getFileName().toString())
                        .filter(n -> !n.startsWith("."))
                        .forEach(names::add);
            } catch (IOException e) {
                // An unreadable root adds no names; rendering from it reports the real error.
            }
        }
        return List.copyOf(names);
    }

    private Template entry(String workload) throws TemplateFailure {
        if (workload == null || !WORKLOAD_NAME.matcher(workload).matches()) {
            throw unknown(workload);
        }
        try {
            return freemarker.getTemplate(workload + "/" + ENTRY);
        } catch (TemplateNotFoundException e) {
            throw unknown(workload);
        } catch (SafeTemplateLoader.UnsafeTemplateException e) {
            throw new TemplateFailure("workload " + workload + ": " + e.getMessage());
        } catch (freemarker.core.ParseException e) {
            throw new TemplateFailure("workload " + workload + ": template " + e.getTemplateName() + " line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + firstLine(e.getEditorMessage()));
        } catch (IOException e) {
            throw new TemplateFailure("workload " + workload + ": could not read its template: " + e.getMessage());
        }
    }

    private TemplateFailure unknown(String workload) {
        return new TemplateFailure("spec.workload.name: unknown workload '" + workload + "'; available: "
                + String.join(", ", available()) + " (add one by mounting a template directory under "
                + "BACKPACK_TEMPLATE_DIR)");
    }

    private static String where(TemplateException e) {
        return "template " + e.getTemplateSourceName() + " line " + e.getLineNumber()
                + (e.getColumnNumber() != null ? ", column " + e.getColumnNumber() : "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "template error";
        }
        return message.strip().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("----"))
                .findFirst().orElse("template error");
    }

    private static List<String> builtInNames() {
        try (InputStream in = WorkloadTemplates.class.getResourceAsStream(BUILT_IN_INDEX)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TemplateLoader loaders(List<Path> roots) {
        List<TemplateLoader> loaders = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try {
                    loaders.add(new FileTemplateLoader(root.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException("template directory " + root + " is not readable", e);
                }
            }
        }
        loaders.add(new ClassTemplateLoader(WorkloadTemplates.class, BUILT_IN_ROOT));
        return new SafeTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    }

    private static Configuration configure(TemplateLoader loader) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setLocalizedLookup(false);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // One escaping for every template, built-in or a user's: ${...} becomes a YAML double-quoted body.
        cfg.setRecognizeStandardFileExtensions(false);
        cfg.setOutputFormat(YamlOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        // Numbers and booleans exactly as YAML wants them: 1000 not "1,000", true not "yes".
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Templates may come from a user's ConfigMap: no instantiating classes, no ?api.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        return cfg;
    }
}
