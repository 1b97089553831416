package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.HashMap;
import java.util.Map;

/**
 * Rules on {@code renamed_from} (tables and columns): a snake-case name other than the own one,
 * naming nothing that still exists and claimed once, so that a migration knows what to rename.
 * Whether the name existed before is the migration's question (it needs the previous schema):
 * {@code RENAMED_FROM_NOT_FOUND}.
 */
final class RenameRules implements SchemaRule {

    @Override
    public void document(ValidationContext ctx, Schema schema) {
        Map<String, String> claimed = new HashMap<>();
        for (Table t : schema.tables()) {
            String from = t.renamedFrom();
            if (from == null || t.tableName() == null) {
                continue;
            }
            if (!Names.isSnake(from) || from.equals(t.tableName())) {
                ctx.report(FindingCode.INVALID_RENAMED_FROM, "table " + Names.show(t.tableName()) + " is renamed from "
                        + Names.show(from) + ", which is " + (from.equals(t.tableName()) ? "its own name: remove renamed_from"
                        : "not a snake-case table name"), t.at(), "renamed_from");
            } else if (schema.table(from) != null) {
                ctx.report(FindingCode.RENAMED_FROM_CONFLICT, "table " + Names.show(t.tableName()) + " is renamed from "
                        + Names.show(from) + ", but a table of that name is still in the schema", t.at(), "renamed_from");
            } else if (claimed.putIfAbsent(from, t.tableName()) != null) {
                ctx.report(FindingCode.RENAMED_FROM_CONFLICT, "tables " + Names.show(claimed.get(from)) + " and "
                        + Names.show(t.tableName()) + " are both renamed from " + Names.show(from), t.at(), "renamed_from");
            }
        }
    }

    @Override
    public void table(ValidationContext ctx, Table t) {
        Map<String, String> claimed = new HashMap<>();
        for (Column c : t.columns()) {
            String from = c.renamedFrom();
            if (from == null || c.name() == null) {
                continue;
            }
            if (!Names.isSnake(from) || from.equals(c.name())) {
                ctx.report(FindingCode.INVALID_RENAMED_FROM, "column " + Names.show(c.name()) + " is renamed from "
                        + Names.show(from) + ", which is " + (from.equals(c.name()) ? "its own name: remove renamed_from"
                        : "not a snake-case column name"), c.at(), "renamed_from");
            } else if (t.column(from) != null) {
                ctx.report(FindingCode.RENAMED_FROM_CONFLICT, "column " + Names.show(c.name()) + " is renamed from "
                        + Names.show(from) + ", but table " + Names.show(t.tableName()) + " still has a column of that name",
                        c.at(), "renamed_from");
            } else if (claimed.putIfAbsent(from, c.name()) != null) {
                ctx.report(FindingCode.RENAMED_FROM_CONFLICT, "columns " + Names.show(claimed.get(from)) + " and "
                        + Names.show(c.name()) + " are both renamed from " + Names.show(from), c.at(), "renamed_from");
            }
        }
    }
}
