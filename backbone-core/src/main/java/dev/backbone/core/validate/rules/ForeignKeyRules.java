package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;

/**
 * Rules on a ForeignKey's {@code target}: {@code table.column}, naming an existing
 * table and column, a column the database can reference (a single-column primary key or a
 * unique column, of a type that can be a key). One finding per key: the first thing wrong is
 * the one to fix, the rest usually follows from it.
 */
final class ForeignKeyRules implements SchemaRule {

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        String target = c.target();
        if (c.type() != ColumnType.FOREIGN_KEY || target == null) {
            return; // a missing target: RequiredFieldRules
        }
        String shown = Names.show(target);
        if (c.targetTable() == null) {
            ctx.report(FindingCode.INVALID_FK_FORMAT, c.at(), "target", shown, Names.show(c.name()));
            return;
        }
        Table referenced = ctx.index().table(c.targetTable());
        if (referenced == null) {
            ctx.report(FindingCode.FK_TABLE_NOT_FOUND, c.at(), "target", shown, Names.show(c.targetTable()),
                    ctx.didYouMean(c.targetTable(), ctx.index().tableNames()));
            return;
        }
        Column col = ctx.index().column(referenced, c.targetColumn());
        if (col == null) {
            ctx.report(FindingCode.FK_COLUMN_NOT_FOUND, c.at(), "target", shown, "names column "
                    + Names.show(c.targetColumn()) + ", which table " + Names.show(c.targetTable()) + " does not have",
                    "an existing column, usually the primary key."
                    + ctx.didYouMean(c.targetColumn(), ctx.index().columnNames(referenced)));
            return;
        }
        if (col == c) {
            ctx.report(FindingCode.FK_COLUMN_NOT_FOUND, c.at(), "target", shown, "is this column itself",
                    "the key of the row it refers to, e.g. \"" + c.targetTable() + ".id\"");
            return;
        }
        referenceable(ctx, c, referenced, col);
        keyType(ctx, c, col);
    }

    private static void referenceable(ValidationContext ctx, Column c, Table referenced, Column col) {
        boolean soleKey = col.primaryKey() && keyCount(referenced) == 1;
        if (soleKey || col.unique()) {
            return;
        }
        String why = col.primaryKey() ? "part of a composite primary key, which is unique only as a whole"
                : "neither a primary key nor unique";
        ctx.report(FindingCode.FK_NOT_PK_OR_UNIQUE, c.at(), "target", Names.show(c.target()), why, Names.show(col.name()));
    }

    private static void keyType(ValidationContext ctx, Column c, Column col) {
        Column src = ctx.index().typeSource(col);
        if (src == null) {
            if (col.type() == ColumnType.FOREIGN_KEY) {
                ctx.report(FindingCode.FK_TYPE_NOT_KEYABLE, c.at(), "target", Names.show(c.target()), "a ForeignKey whose "
                        + "chain of targets never reaches a column with a type (it breaks or loops back)");
            }
            return;
        }
        if (!KeyTypes.keyable(src.type(), ctx.schema().dbType())) {
            ctx.report(FindingCode.FK_TYPE_NOT_KEYABLE, c.at(), "target", Names.show(c.target()), "a " + src.type().wire()
                    + " column, which cannot be referenced: " + KeyTypes.why(src.type(), ctx.schema().dbType()));
        }
    }

    private static int keyCount(Table t) {
        int n = 0;
        for (Column c : t.columns()) {
            n += c.primaryKey() ? 1 : 0;
        }
        return n;
    }
}
