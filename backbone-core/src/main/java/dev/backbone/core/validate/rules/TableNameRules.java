package dev.backbone.core.validate.rules;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;

/**
 * Rules on a table's names: {@code table_name} is lowercase snake case and unique, {@code class_name}
 * is a capitalised identifier, unique, and does not shadow a name the generated modules use.
 */
final class TableNameRules implements SchemaRule {

    @Override
    public void table(ValidationContext ctx, Table t) {
        tableName(ctx, t);
        className(ctx, t);
    }

    private static void tableName(ValidationContext ctx, Table t) {
        String name = t.tableName();
        if (name == null) {
            return;
        }
        if (!Names.isSnake(name)) {
            ctx.report(FindingCode.INVALID_TABLE_NAME, t.at(), "table_name", "`table_name`", Names.show(name),
                    Names.toSnake(name));
        } else if (name.length() > Names.MAX_IDENTIFIER) {
            ctx.report(FindingCode.IDENTIFIER_TOO_LONG, t.at(), "table_name", "`table_name` " + Names.show(name),
                    name.length(), Names.MAX_IDENTIFIER);
        }
        Table first = ctx.index().table(name);
        if (first != null && first != t) {
            ctx.report(FindingCode.DUPLICATE_TABLE_NAME, t.at(), "table_name", Names.show(name),
                    ValidationContext.lineOf(first.at(), "table_name"));
        }
        if (SqlNames.isReserved(name)) {
            ctx.report(FindingCode.SQL_RESERVED_WORD, t.at(), "table_name", "`table_name` " + Names.show(name),
                    "a plural such as `" + name + "s`");
        }
    }

    private static void className(ValidationContext ctx, Table t) {
        String name = t.className();
        if (name == null) {
            return;
        }
        if (!Names.isClassName(name)) {
            ctx.report(FindingCode.INVALID_CLASS_NAME, t.at(), "class_name", Names.show(name), Names.toClass(name));
        } else if (PythonNames.RESERVED_CLASS_NAMES.contains(name)) {
            ctx.report(FindingCode.RESERVED_CLASS_NAME, t.at(), "class_name", Names.show(name), name + "Model");
        }
        Table first = ctx.index().tableOfClass(name);
        if (first != null && first != t) {
            ctx.report(FindingCode.DUPLICATE_CLASS_NAME, t.at(), "class_name", Names.show(name),
                    Names.show(first.tableName()), ValidationContext.lineOf(first.at(), "class_name"));
        }
    }
}
