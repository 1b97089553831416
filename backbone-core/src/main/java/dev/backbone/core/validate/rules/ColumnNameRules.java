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
            ctx.report(FindingCode.DUPLICATE_COLUMN_NAME, c.at(), "name", Names.show(name), Names.show(t.tableName()),
                    ValidationContext.lineOf(first.at(), "name"));
        }
        if (!Names.isSnake(name)) {
            ctx.report(FindingCode.INVALID_COLUMN_NAME, c.at(), "name", Names.show(name), Names.toSnake(name));
            return;
        }
        if (name.length() > Names.MAX_IDENTIFIER) {
            ctx.report(FindingCode.IDENTIFIER_TOO_LONG, c.at(), "name", "column name " + Names.show(name), name.length(),
                    Names.MAX_IDENTIFIER);
        }
        if (PythonNames.isKeyword(name)) {
            ctx.report(FindingCode.PYTHON_KEYWORD_NAME, c.at(), "name", Names.show(name), PythonNames.attributeFor(name), name);
        } else if (PythonNames.needsRenaming(name)) {
            ctx.report(FindingCode.RESERVED_ATTRIBUTE_NAME, c.at(), "name", Names.show(name), PythonNames.attributeFor(name),
                    name);
        }
        if (SqlNames.isReserved(name)) {
            ctx.report(FindingCode.SQL_RESERVED_WORD, c.at(), "name", "column " + Names.show(name), "a more specific name");
        }
    }
}
