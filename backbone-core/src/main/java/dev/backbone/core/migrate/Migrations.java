package dev.backbone.core.migrate;

import dev.backbone.core.plan.Plan;
import dev.backbone.core.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The migration stage: two schemas' plans in, one {@link MigrationPlan} out. The initial
 * revision is the diff from the empty database, so one differ and one set of renderers make
 * every revision.
 */
public final class Migrations {

    private Migrations() {}

    /** Revision {@code 0001}: everything the plan creates. */
    public static MigrationPlan initial(Plan plan) {
        Catalog now = CatalogBuilder.of(plan);
        Catalog empty = Catalog.empty(plan.dbType());
        return new MigrationPlan(plan.dbType(), revision(1), null, "initial", "Initial schema of " + plan.projectName() + ".",
                SchemaDiffer.diff(empty, now, Renames.NONE), SchemaDiffer.diff(now, empty, Renames.NONE), List.of());
    }

    /**
     * Revision {@code number}: from the database of {@code old} to that of {@code now}.
     *
     * @param findings what the caller found about these steps (positions in the new schema)
     */
    public static MigrationPlan between(Plan old, Plan now, Renames renames, int number, List<Finding> findings) {
        Catalog a = CatalogBuilder.of(old);
        Catalog b = CatalogBuilder.of(now);
        List<MigrationOp> up = SchemaDiffer.diff(a, b, renames);
        List<MigrationOp> down = SchemaDiffer.diff(b, a, renames.inverted());
        String slug = slug(up);
        return new MigrationPlan(now.dbType(), revision(number), revision(number - 1), slug, message(up), up, down, findings);
    }

    public static String revision(int n) {
        return String.format(Locale.ROOT, "%04d", n);
    }

    /** The file name's tail: the first steps in a few words, {@code add_tags_alter_posts_title}. */
    static String slug(List<MigrationOp> ops) {
        List<String> words = new ArrayList<>();
        for (MigrationOp op : ops) {
            String w = word(op);
            if (w != null && !words.contains(w)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return "no_change";
        }
        String s = String.join("_", words.subList(0, Math.min(2, words.size()))) + (words.size() > 2 ? "_and_more" : "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_");
        return s.length() > 60 ? s.substring(0, 60).replaceAll("_$", "") : s;
    }

    private static String word(MigrationOp op) {
        if (op instanceof MigrationOp.CreateTable c) {
            return "create_" + c.created().name();
        }
        if (op instanceof MigrationOp.DropTable d) {
            return "drop_" + d.dropped().name();
        }
        if (op instanceof MigrationOp.RenameTable r) {
            return "rename_" + r.from();
        }
        if (op instanceof MigrationOp.AddColumn a) {
            return "add_" + a.table() + "_" + a.column().name();
        }
        if (op instanceof MigrationOp.DropColumn d) {
            return "drop_" + d.table() + "_" + d.column().name();
        }
        if (op instanceof MigrationOp.RenameColumn r) {
            return "rename_" + r.table() + "_" + r.from().name();
        }
        if (op instanceof MigrationOp.AlterColumn a) {
            return "alter_" + a.table() + "_" + a.to().name();
        }
        if (op instanceof MigrationOp.AddEnumLabel || op instanceof MigrationOp.ReplaceEnum) {
            return "enum_labels";
        }
        if (op.table() != null) {
            return "alter_" + op.table();
        }
        return null;
    }

    /** One line for the docstring and the SQL header. */
    static String message(List<MigrationOp> ops) {
        return ops.isEmpty() ? "No change." : "Schema change: " + TextRenderer.summary(ops) + ".";
    }
}
