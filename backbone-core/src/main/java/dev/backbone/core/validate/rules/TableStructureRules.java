package dev.backbone.core.validate.rules;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules on a table's shape: at least one column, a primary key (noting composite ones), and no
 * declared column that the timestamps or soft-delete option would add a second time.
 */
final class TableStructureRules implements SchemaRule {

    static final Set<String> TIMESTAMP_COLUMNS = Set.of("created_at", "updated_at");
    static final Set<String> SOFT_DELETE_COLUMNS = Set.of("is_deleted", "deleted_at");

    @Override
    public void table(ValidationContext ctx, Table t) {
        if (t.columns().isEmpty()) {
            if (ValidationContext.present(t.at(), "columns") && !ctx.readerReported(t.at(), "columns")) {
                ctx.report(FindingCode.SCHEMA_VALIDATION_ERROR, t.at(), "columns", "table " + Names.show(t.tableName())
                        + " has no columns; declare at least one, starting with a primary key such as "
                        + "{\"name\": \"id\", \"type\": \"Integer\", \"primary_key\": true}");
            }
            return;
        }
        List<Column> keys = new ArrayList<>(1);
        for (Column c : t.columns()) {
            if (c.primaryKey()) {
                keys.add(c);
            }
        }
        if (keys.isEmpty()) {
            ctx.report(FindingCode.MISSING_PRIMARY_KEY, t.at(), "columns", Names.show(t.tableName()));
        } else if (keys.size() > 1) {
            Column second = keys.get(1);
            ctx.report(FindingCode.COMPOSITE_PRIMARY_KEY, second.at(), "primary_key", Names.show(t.tableName()),
                    String.join(", ", keys.stream().map(c -> String.valueOf(c.name())).toList()));
        }
    }

    @Override
    public void column(ValidationContext ctx, Table t, Column c) {
        if (c.name() == null) {
            return;
        }
        if (t.useTimestamps() && TIMESTAMP_COLUMNS.contains(c.name())) {
            conflict(ctx, c, "use_timestamps");
        } else if (t.useSoftDelete() && SOFT_DELETE_COLUMNS.contains(c.name())) {
            conflict(ctx, c, "use_soft_delete");
        }
    }

    private static void conflict(ValidationContext ctx, Column c, String option) {
        ctx.report(FindingCode.MIXIN_COLUMN_CONFLICT, c.at(), "name", Names.show(c.name()), option);
    }
}
