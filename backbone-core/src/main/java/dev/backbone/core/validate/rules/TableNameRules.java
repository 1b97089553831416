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
            ctx.report(FindingCode.INVALID_TABLE_NAME, "`table_name` " + Names.show(name) + " is not lowercase snake case "
                    + "(a lower-case letter, then lower-case letters, digits or `_`); rename it, e.g. `"
                    + Names.toSnake(name) + "`", t.at(), "table_name");
        } else if (name.length() > Names.MAX_IDENTIFIER) {
            ctx.report(FindingCode.IDENTIFIER_TOO_LONG, "`table_name` " + Names.show(name) + " is " + name.length()
                    + " characters long; PostgreSQL truncates names past " + Names.MAX_IDENTIFIER
                    + " characters and MySQL rejects them: shorten it", t.at(), "table_name");
        }
        Table first = ctx.index().table(name);
        if (first != null && first != t) {
            ctx.report(FindingCode.DUPLICATE_TABLE_NAME, "table_name " + Names.show(name) + " is already used by the table at "
                    + ValidationContext.lineOf(first.at(), "table_name")
                    + "; table names must be unique: rename or merge one of them", t.at(), "table_name");
        }
        if (SqlNames.isReserved(name)) {
            ctx.report(FindingCode.SQL_RESERVED_WORD, "`table_name` " + Names.show(name) + " is an SQL reserved word; "
                    + "the generated DDL quotes it, but hand-written SQL must too: consider a plural such as `"
                    + name + "s`", t.at(), "table_name");
        }
    }

    private static void className(ValidationContext ctx, Table t) {
        String name = t.className();
        if (name == null) {
            return;
        }
        if (!Names.isClassName(name)) {
            ctx.report(FindingCode.INVALID_CLASS_NAME, "`class_name` " + Names.show(name) + " must start with an upper-case "
                    + "letter and hold only ASCII letters, digits and `_`; rename it, e.g. `" + Names.toClass(name) + "`",
                    t.at(), "class_name");
        } else if (PythonNames.RESERVED_CLASS_NAMES.contains(name)) {
            ctx.report(FindingCode.RESERVED_CLASS_NAME, "`class_name` " + Names.show(name) + " would shadow a Python or "
                    + "SQLAlchemy name the generated models use; choose another, e.g. `" + name + "Model`", t.at(),
                    "class_name");
        }
        Table first = ctx.index().tableOfClass(name);
        if (first != null && first != t) {
            ctx.report(FindingCode.DUPLICATE_CLASS_NAME, "class_name " + Names.show(name) + " is already used by table "
                    + Names.show(first.tableName()) + " at " + ValidationContext.lineOf(first.at(), "class_name")
                    + "; each table needs its own model class: rename one of them", t.at(), "class_name");
        }
    }
}
