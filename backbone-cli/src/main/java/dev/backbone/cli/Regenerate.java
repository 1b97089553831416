package dev.backbone.cli;

import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.regenerate.FileAction;
import dev.backbone.core.regenerate.Regeneration;
import dev.backbone.core.regenerate.UnifiedDiff;
import dev.backbone.core.workflow.GenerationOutcome;
import dev.backbone.core.write.ProjectWriter;
import dev.backbone.core.write.WriteFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code generate} into an existing BackBone project: plan, report, refuse or apply. */
final class Regenerate {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Path output;
    private final boolean dryRun;
    private final boolean acceptConflicts;
    private final boolean allowDestructive;

    Regenerate(PrintWriter out, PrintWriter err, Path output, boolean dryRun, boolean acceptConflicts, boolean allowDestructive) {
        this.out = out;
        this.err = err;
        this.output = output;
        this.dryRun = dryRun;
        this.acceptConflicts = acceptConflicts;
        this.allowDestructive = allowDestructive;
    }

    int run(Path file, String text, GenerationOutcome g, TemplateRenderer templates) {
        Regeneration.Prepared p;
        try {
            p = Regeneration.prepare(output, g.files(), text, g.validation(), templates);
        } catch (IOException e) {
            err.println("backbone-ai: " + Invocation.current().shown(output) + ": " + e.getMessage());
            return BackboneCommand.USAGE;
        }
        FindingPrinter.findings(out, file.toString(), p.findings(), false);
        if (p.revision() != null && p.revision().destructive() && !allowDestructive) {
            err.println("backbone-ai: the schema change loses data (see DESTRUCTIVE_CHANGE above); nothing was written. "
                    + "Pass --allow-destructive to write migration " + p.revision().alembicPath());
            return BackboneCommand.INVALID;
        }
        List<FileAction> shown = p.plan().actions().stream().filter(a -> a.kind() != FileAction.Kind.UNCHANGED).toList();
        for (FileAction a : shown) {
            out.println(line(a));
            if (dryRun) {
                diff(a);
            }
        }
        if (p.revision() != null) {
            out.println("migration " + p.revision().alembicPath() + ": " + p.revision().message());
        }
        long conflicts = p.plan().of(FileAction.Kind.CONFLICT).size();
        if (dryRun) {
            out.println("dry run: " + summary(p) + "; nothing was changed");
            return BackboneCommand.OK;
        }
        long written;
        try {
            written = ProjectWriter.apply(output, p.plan());
        } catch (IOException e) {
            err.println("backbone-ai: " + (e instanceof WriteFailure ? e.getMessage() : "cannot write " + Invocation.current().shown(output) + ": " + e.getMessage()));
            return BackboneCommand.USAGE;
        }
        out.println("regenerated " + Invocation.current().shown(output) + ": " + summary(p) + " (" + FindingPrinter.plural(written, "file") + " written)");
        if (conflicts > 0) {
            err.println("backbone-ai: " + FindingPrinter.plural(conflicts, "file") + " you changed conflict with the new version: "
                    + "yours are untouched, ours are beside them as <file>.backbone-new" + (acceptConflicts ? "" : " (exit 1; --accept-conflicts to exit 0)"));
            return acceptConflicts ? BackboneCommand.OK : BackboneCommand.INVALID;
        }
        return BackboneCommand.OK;
    }

    private static String line(FileAction a) {
        String what = switch (a.kind()) {
            case CONFLICT -> "conflict " + a.path() + " (yours kept; the new version is " + a.path() + ".backbone-new)";
            default -> a.kind().wire() + " " + a.path();
        };
        return what + (a.reason() == null || a.kind() == FileAction.Kind.CONFLICT ? "" : ": " + a.reason());
    }

    private void diff(FileAction a) {
        try {
            Path disk = output.resolve(a.path());
            String current = Files.isRegularFile(disk) ? Files.readString(disk, StandardCharsets.UTF_8) : null;
            String d = switch (a.kind()) {
                case WRITE, MERGE -> UnifiedDiff.of(a.path(), current, a.content());
                case REMOVE -> UnifiedDiff.of(a.path(), current, null);
                case CONFLICT -> UnifiedDiff.of(a.path(), current, a.content());
                default -> "";
            };
            out.print(d);
        } catch (IOException e) {
            out.println("  (cannot read " + a.path() + ": " + e.getMessage() + ")");
        }
    }

    private static String summary(Regeneration.Prepared p) {
        StringBuilder b = new StringBuilder();
        for (FileAction.Kind k : FileAction.Kind.values()) {
            int n = p.plan().of(k).size();
            if (n > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(k.wire());
            }
        }
        return b.length() == 0 ? "nothing to do" : b.toString();
    }
}
