package dev.backbone.core.migrate;

import java.util.ArrayList;
import java.util.List;

/** A {@link MigrationPlan} for people: one line per step, destructive ones marked ({@code diff --format text}). */
public final class TextRenderer {

    private TextRenderer() {}

    public static String render(MigrationPlan plan) {
        StringBuilder b = new StringBuilder();
        if (plan.upgrade().isEmpty()) {
            return "no change\n";
        }
        for (MigrationOp op : plan.upgrade()) {
            b.append(op.destructive() ? "! " : "  ").append(line(op)).append('\n');
        }
        return b.toString();
    }

    /** The first steps in words, for a revision's message. */
    static String summary(List<MigrationOp> ops) {
        List<String> lines = new ArrayList<>();
        for (MigrationOp op : ops) {
            lines.add(line(op));
            if (lines.size() == 3) {
                break;
            }
        }
        return String.join("; ", lines) + (ops.size() > 3 ? "; and " + (ops.size() - 3) + " more" : "");
    }

    static String line(MigrationOp op) {
        if (op instanceof MigrationOp.CreateTable c) {
            return "create table " + c.created().name();
        }
        if (op instanceof MigrationOp.DropTable d) {
            return "drop table " + d.dropped().name();
        }
        if (op instanceof MigrationOp.RenameTable r) {
            return "rename table " + r.from() + " to " + r.to();
        }
        if (op instanceof MigrationOp.AddColumn a) {
            return "add column " + a.table() + "." + a.column().name();
        }
        if (op instanceof MigrationOp.DropColumn d) {
            return "drop column " + d.table() + "." + d.column().name();
        }
        if (op instanceof MigrationOp.RenameColumn r) {
            return "rename column " + r.table() + "." + r.from().name() + " to " + r.to().name();
        }
        if (op instanceof MigrationOp.AlterColumn a) {
            return "alter column " + a.table() + "." + a.to().name() + (a.narrowing() ? " (narrowing)" : "")
                    + (a.fill() ? " (NULLs set to the default first)" : "");
        }
        if (op instanceof MigrationOp.AlterTableComment c) {
            return "change the comment of table " + c.table();
        }
        if (op instanceof MigrationOp.AddUnique u) {
            return "add unique constraint " + u.unique().name() + " on " + u.table() + "." + u.unique().column();
        }
        if (op instanceof MigrationOp.DropUnique u) {
            return "drop unique constraint " + u.unique().name();
        }
        if (op instanceof MigrationOp.CreateIndex c) {
            return "create " + (c.index().unique() ? "unique " : "") + "index " + c.index().name() + " on " + c.table() + "."
                    + c.index().column();
        }
        if (op instanceof MigrationOp.DropIndex d) {
            return "drop index " + d.index().name();
        }
        if (op instanceof MigrationOp.AddForeignKey f) {
            return "add foreign key " + f.foreignKey().name() + " " + f.table() + "." + f.foreignKey().column() + " -> "
                    + f.foreignKey().refTable() + "." + f.foreignKey().refColumn()
                    + (f.foreignKey().onDelete() == null ? "" : " ON DELETE " + f.foreignKey().onDelete());
        }
        if (op instanceof MigrationOp.DropForeignKey f) {
            return "drop foreign key " + f.foreignKey().name();
        }
        if (op instanceof MigrationOp.AlterPrimaryKey p) {
            return "primary key of " + p.table() + " becomes " + p.toName() + " (" + String.join(", ", p.toColumns()) + ")";
        }
        if (op instanceof MigrationOp.CreateEnum e) {
            return "create enum type " + e.name() + " (" + String.join(", ", e.labels()) + ")";
        }
        if (op instanceof MigrationOp.DropEnum e) {
            return "drop enum type " + e.name();
        }
        if (op instanceof MigrationOp.RenameEnum e) {
            return "rename enum type " + e.from() + " to " + e.to();
        }
        if (op instanceof MigrationOp.AddEnumLabel a) {
            return "add label " + a.label() + " to enum type " + a.name();
        }
        if (op instanceof MigrationOp.ReplaceEnum r) {
            return "replace enum type " + r.name() + " (" + String.join(", ", r.from()) + ") with (" + String.join(", ", r.to()) + ")";
        }
        return op.toString();
    }
}
