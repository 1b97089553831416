package dev.backbone.cli;

import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import java.io.PrintWriter;
import java.util.List;

/** Compiler-style output: one line per finding, then the build order and a one-line summary. */
final class FindingPrinter {
    private FindingPrinter() {}

    static void findings(PrintWriter out, String file, List<Finding> findings) {
        for (Finding f : findings) {
            out.println(f.toCompilerLine(file));
        }
    }

    static void outcome(PrintWriter out, String file, ValidationOutcome v) {
        findings(out, file, v.findings());
        if (v.valid()) {
            out.println("build order: " + String.join(" -> ", v.buildOrder()));
        }
        out.println(summary(file, v));
    }

    static String summary(String file, ValidationOutcome v) {
        List<Finding> fs = v.findings();
        String counts = plural(Workflow.count(fs, Severity.ERROR), "error") + ", "
                + plural(Workflow.count(fs, Severity.WARNING), "warning") + ", "
                + plural(Workflow.count(fs, Severity.INFO), "info");
        String tables = v.schema() == null ? "" : " (" + plural(v.schema().tables().size(), "table") + ")";
        return file + ": " + (v.valid() ? "valid" : "invalid") + ": " + counts + tables;
    }

    static String plural(long n, String word) {
        return n + " " + (n == 1 || word.equals("info") ? word : word + "s");
    }
}
