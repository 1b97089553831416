package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Locations;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Rules on {@code renamed_from} (tables and columns): a snake-case name other than the own one,
 * naming nothing that still exists and claimed once, so that a migration knows what to rename.
 * Whether the name existed before is the migration's question (it needs the previous schema):
 * {@code RENAMED_FROM_NOT_FOUND}.
 */
final class RenameRules implements SchemaRule {

    @Override
    public void document(ValidationContext ctx, Schema schema) {
        Claims claims = new Claims("table", from -> schema.table(from) != null,
                () -> "a table of that name is still in the schema");
        for (Table t : schema.tables()) {
            claims.check(ctx, t.tableName(), t.renamedFrom(), t.at());
        }
    }

    @Override
    public void table(ValidationContext ctx, Table t) {
        Claims claims = new Claims("column", from -> t.column(from) != null,
                () -> "table " + Names.show(t.tableName()) + " still has a column of that name");
        for (Column c : t.columns()) {
            claims.check(ctx, c.name(), c.renamedFrom(), c.at());
        }
    }

    /** The old names claimed so far among the tables, or among the columns of one table. */
    private static final class Claims {
        private final String element;
        private final Predicate<String> stillThere;
        private final Supplier<String> stillThereProblem;
        private final Map<String, String> claimed = new HashMap<>();

        Claims(String element, Predicate<String> stillThere, Supplier<String> stillThereProblem) {
            this.element = element;
            this.stillThere = stillThere;
            this.stillThereProblem = stillThereProblem;
        }

        void check(ValidationContext ctx, String name, String from, Locations at) {
            if (from == null || name == null) {
                return;
            }
            String shown = Names.show(name);
            if (!Names.isSnake(from) || from.equals(name)) {
                ctx.report(FindingCode.INVALID_RENAMED_FROM, at, "renamed_from", element, shown, Names.show(from),
                        from.equals(name) ? "its own name: remove renamed_from" : "not a snake-case " + element + " name");
            } else if (stillThere.test(from)) {
                ctx.report(FindingCode.RENAMED_FROM_CONFLICT, at, "renamed_from", element, shown, Names.show(from),
                        stillThereProblem.get());
            } else if (claimed.putIfAbsent(from, name) != null) {
                ctx.report(FindingCode.RENAMED_FROM_CONFLICT, at, "renamed_from", element, shown, Names.show(from),
                        element + "s " + Names.show(claimed.get(from)) + " and " + shown
                                + " are both renamed from it: only one can take over the old name");
            }
        }
    }
}
