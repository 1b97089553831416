package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import dev.backbone.core.schema.OnDelete;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Rules on a ForeignKey's {@code on_delete}: a known action, one the column can carry out
 * ({@code SET NULL} needs a nullable column, {@code SET DEFAULT} a default) and the dialect
 * supports (MySQL's InnoDB rejects {@code SET DEFAULT}).
 */
final class OnDeleteRules implements SchemaRule {

    /** What users write when they mean one of the SQL actions. */
    private static final Map<String, String> ALIASES = Map.of(
            "DELETE", "CASCADE", "CASCADE DELETE", "CASCADE", "NULL", "SET NULL", "SETNULL", "SET NULL",
            "NOTHING", "NO ACTION", "NONE", "NO ACTION", "NOACTION", "NO ACTION", "PROTECT", "RESTRICT", "DEFAULT", "SET DEFAULT");

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        if (c.type() != ColumnType.FOREIGN_KEY || c.onDeleteName() == null) {
            return;
        }
        OnDelete action = c.onDelete();
        if (action == null) {
            String normalized = c.onDeleteName().trim().replace('_', ' ').toUpperCase(Locale.ROOT);
            String hint = OnDelete.fromWire(ALIASES.getOrDefault(normalized, normalized))
                    .map(o -> " Did you mean `" + o.sql() + "`?")
                    .orElseGet(() -> ctx.didYouMean(c.onDeleteName(), Arrays.stream(OnDelete.values()).map(OnDelete::sql).toList()));
            ctx.report(FindingCode.INVALID_ON_DELETE, c.at(), "on_delete", Names.show(c.onDeleteName()), "is not an action",
                    "one of " + OnDelete.allowed() + " (spelled exactly so)." + hint);
            return;
        }
        if (action == OnDelete.SET_NULL && !c.effectiveNullable()) {
            ctx.report(FindingCode.SET_NULL_ON_NOT_NULL, c.at(), "on_delete", Names.show(c.name()),
                    c.primaryKey() ? " (a primary key)" : "");
        } else if (action == OnDelete.SET_DEFAULT && ctx.schema().dbType() == DbType.MYSQL) {
            ctx.report(FindingCode.INVALID_ON_DELETE, c.at(), "on_delete", "SET DEFAULT", "is refused by MySQL's InnoDB engine",
                    "SET NULL, CASCADE or RESTRICT");
        } else if (action == OnDelete.SET_DEFAULT && !hasDefault(c)) {
            ctx.report(FindingCode.SET_DEFAULT_WITHOUT_DEFAULT, c.at(), "on_delete", Names.show(c.name()),
                    c.effectiveNullable() ? "" : ", which fails on this NOT NULL column");
        }
    }

    private static boolean hasDefault(Column c) {
        return c.defaultValue() != null && !(c.defaultValue() instanceof dev.backbone.core.json.JsonNode.JsonNull);
    }
}
