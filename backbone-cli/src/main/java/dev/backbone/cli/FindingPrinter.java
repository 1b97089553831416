package dev.backbone.cli;

import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Severity;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import java.io.PrintWriter;
import java.util.List;

/**
 * Compiler-style output: one line per finding, then the build order and a one-line summary. On a
 * terminal the severity word is coloured (errors red, warnings yellow, info cyan), as compilers do.
 */
final class FindingPrinter {
    private FindingPrinter() {}

    private static final String RESET = "\033[0m";

    static void findings(PrintWriter out, String file, List<Finding> findings, boolean colour) {
        for (Finding f : findings) {
            out.println(colour ? coloured(f.toCompilerLine(file), f.severity()) : f.toCompilerLine(file));
        }
    }

    /** The line with its severity word ({@code ": error: "}) in the severity's colour. */
    static String coloured(String line, Severity s) {
        String word = ": " + s.wire() + ": ";
        int at = line.indexOf(word);
        if (at < 0) {
            return line;
        }
        return line.substring(0, at + 2) + colour(s) + s.wire() + RESET + line.substring(at + word.length() - 2);
    }

    static String colour(Severity s) {
        return switch (s) {
            case ERROR -> "\033[1;31m";
            case WARNING -> "\033[1;33m";
            case INFO -> "\033[36m";
        };
    }

    static void outcome(PrintWriter out, String file, ValidationOutcome v, boolean colour) {
        findings(out, file, v.findings(), colour);
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
