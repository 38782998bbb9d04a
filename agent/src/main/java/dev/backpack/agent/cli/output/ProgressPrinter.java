package dev.backpack.agent.cli.output;

import dev.backpack.agent.run.ModuleOutcome;
import dev.backpack.agent.run.RunListener;
import dev.backpack.contract.MetadataModule;

import java.io.PrintWriter;

/**
 * Progress on stderr. On a terminal one line is redrawn in place; when piped (CI logs, kubectl logs)
 * each module gets one plain line, so logs stay readable.
 */
public final class ProgressPrinter implements RunListener {
    private static final String CLEAR_LINE = "\r\033[2K";
    private final PrintWriter err;
    private final boolean interactive;

    public ProgressPrinter(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public void moduleStarted(MetadataModule module, int index, int total) {
        if (interactive) {
            err.print(CLEAR_LINE + "[" + (index + 1) + "/" + total + "] collecting " + module.moduleName() + " ...");
            err.flush();
        }
    }

    @Override
    public void moduleFinished(ModuleOutcome outcome, int index, int total) {
        if (!interactive) {
            err.println("[" + (index + 1) + "/" + total + "] " + outcome.module().moduleName() + ": "
                    + outcome.status().label() + ", " + outcome.documents() + " documents, "
                    + outcome.duration().toMillis() + " ms");
            err.flush();
        }
    }

    @Override
    public void deliveryStarted(String target, int documents) {
        if (interactive) {
            err.print(CLEAR_LINE);
        } else {
            err.println("delivering " + documents + " documents to " + target);
        }
        err.flush();
    }
}
