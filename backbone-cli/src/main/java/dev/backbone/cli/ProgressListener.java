package dev.backbone.cli;

import dev.backbone.core.workflow.WorkflowListener;
import java.io.PrintWriter;

/** {@code --verbose}: one line per stage on stderr, with its duration. */
final class ProgressListener implements WorkflowListener {
    private final PrintWriter err;

    ProgressListener(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stageFinished(String stage, long nanos, boolean success) {
        err.printf("  %-9s %s in %.1f ms%n", stage, success ? "done" : "FAILED", nanos / 1e6);
        err.flush();
    }

    @Override
    public void filesGenerated(String projectName, int files, long lines, int models) {
        err.printf("  %d files, %d lines, %d models%n", files, lines, models);
    }
}
