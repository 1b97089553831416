package dev.backbone.core.validate.rules;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;

/**
 * Rules on a column's {@code name}: snake case, unique in its table, and the names that work
 * only because BackBone renames the Python attribute (keywords, declarative attributes such
 * as {@code metadata}) or quotes the SQL identifier (reserved words).
 */
final class ColumnNameRules implements SchemaRule {

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        String name = c.name();
        if (name == null) {
            return;
        }
        Column first = ctx.index().column(t, name);
        if (first != null && first != c) {
            ctx.report(FindingCode.DUPLICATE_COLUMN_NAME, "column " + Names.show(name) + " is declared twice in table "
                    + Names.show(t.tableName()) + " (first at " + ValidationContext.lineOf(first.at(), "name")
                    + "); rename or remove one of them", c.at(), "name");
        }
        if (!Names.isSnake(name)) {
            ctx.report(FindingCode.INVALID_COLUMN_NAME, "column name " + Names.show(name) + " is not snake case (a lower-case "
                    + "letter, then lower-case letters, digits or `_`); rename it, e.g. `" + Names.toSnake(name) + "`",
                    c.at(), "name");
            return;
        }
        if (name.length() > Names.MAX_IDENTIFIER) {
            ctx.report(FindingCode.IDENTIFIER_TOO_LONG, "column name " + Names.show(name) + " is " + name.length()
                    + " characters long; PostgreSQL truncates names past " + Names.MAX_IDENTIFIER
                    + " characters and MySQL rejects them: shorten it", c.at(), "name");
        }
        if (PythonNames.isKeyword(name)) {
            ctx.report(FindingCode.PYTHON_KEYWORD_NAME, "column " + Names.show(name) + " is a Python keyword; the model "
                    + "attribute is named `" + PythonNames.attributeFor(name) + "` while the database column keeps `" + name
                    + "`. Rename the column to avoid the difference", c.at(), "name");
        } else if (PythonNames.needsRenaming(name)) {
            ctx.report(FindingCode.RESERVED_ATTRIBUTE_NAME, "column " + Names.show(name) + " would replace a name the "
                    + "generated model needs (SQLAlchemy's declarative attributes or the module's imports); the attribute "
                    + "is named `" + PythonNames.attributeFor(name) + "` while the database column keeps `" + name
                    + "`. Rename the column to avoid the difference", c.at(), "name");
        }
        if (SqlNames.isReserved(name)) {
            ctx.report(FindingCode.SQL_RESERVED_WORD, "column " + Names.show(name) + " is an SQL reserved word; the "
                    + "generated DDL quotes it, but hand-written SQL must too: consider a more specific name",
                    c.at(), "name");
        }
    }
}
