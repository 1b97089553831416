package dev.backbone.core.regenerate;

import dev.backbone.core.generate.GeneratedFile;
import dev.backbone.core.generate.TemplateRenderer;
import dev.backbone.core.generate.migrations.MigrationsTarget;
import dev.backbone.core.migrate.MigrationPlan;
import dev.backbone.core.migrate.SchemaChange;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.Limits;
import dev.backbone.core.workflow.ValidationOutcome;
import dev.backbone.core.workflow.Workflow;
import dev.backbone.core.workflow.WorkflowListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generation into an existing BackBone project: the schema recorded in {@code .backbone/}
 * against the new one gives the next migration revision (earlier revisions are history and
 * stay as they are), and the {@link Regenerator} decides every file.
 */
public final class Regeneration {

    private static final Pattern REVISION = Pattern.compile("migrations/versions/(\\d{4})_.*\\.py");

    /**
     * @param revision the new migration revision, or null (no change, or no migrations target)
     * @param findings what the schema change reported (destructive steps, ...), at their place in the new schema
     */
    public record Prepared(RegenerationPlan plan, MigrationPlan revision, List<Finding> findings) {}

    private Regeneration() {}

    /**
     * @param files what the targets rendered for the new schema (a fresh project's files)
     * @param now the new schema's validation (valid)
     */
    public static Prepared prepare(Path dir, List<GeneratedFile> files, String schemaText, ValidationOutcome now,
            TemplateRenderer templates) throws IOException {
        Manifest manifest = Manifest.read(dir);
        int last = 0;
        for (String p : manifest.files().keySet()) {
            Matcher m = REVISION.matcher(p);
            if (m.matches()) {
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        boolean migrations = files.stream().anyMatch(f -> f.path().equals("migrations/env.py"));
        List<GeneratedFile> next = new ArrayList<>(files);
        MigrationPlan revision = null;
        List<Finding> findings = List.of();
        if (migrations && last > 0) {
            next.removeIf(f -> Regenerator.HISTORY.stream().anyMatch(f.path()::startsWith));
            String before = Regenerator.previousSchema(dir);
            ValidationOutcome old = before == null ? null : new Workflow().validate(before, Limits.DEFAULTS, WorkflowListener.NONE);
            if (old == null || old.plan() == null) {
                throw new IOException("the project's recorded schema (" + Manifest.SCHEMA + ") cannot be read or is not valid "
                        + "any more; the next migration needs it");
            }
            MigrationPlan change = SchemaChange.between(new SchemaChange.Side(old.schema(), old.plan()),
                    new SchemaChange.Side(now.schema(), now.plan()), last + 1);
            findings = change.findings();
            if (!change.isEmpty()) {
                revision = change;
                next.addAll(MigrationsTarget.revisionFiles(change, templates));
            }
        }
        return new Prepared(Regenerator.plan(dir, next, schemaText), revision, findings);
    }

}
