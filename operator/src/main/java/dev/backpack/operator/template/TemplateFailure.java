package dev.backpack.operator.template;

/**
 * A workload could not be rendered into Kubernetes objects: unknown workload, a template error (with the
 * template's name and line), or output that is not valid Kubernetes YAML. The message is one line,
 * meant for {@code status.message}.
 */
public class TemplateFailure extends Exception {
    public TemplateFailure(String message) {
        super(message);
    }
}
