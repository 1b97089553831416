package dev.backbone.core.plan;

import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.List;

/**
 * What the architect relies on, checked again: the architect runs only on documents the
 * schema_validator accepted, but a caller may skip the validator (a library user, a test), and a
 * missing name must give a finding, never a {@code NullPointerException}. Reports with the
 * validator's own codes; any error here stops planning.
 */
final class PlanInputCheck {
    private PlanInputCheck() {}

    /** Names, types, Enum values and primary key of one table. */
    static void checkTable(Table table, List<Finding> findings) {
        if (table.tableName() == null) {
            findings.add(Findings.at(FindingCode.SCHEMA_VALIDATION_ERROR,
                    "a table without `table_name` cannot be planned", table.at(), "table_name"));
        }
        if (table.className() == null) {
            findings.add(Findings.at(FindingCode.SCHEMA_VALIDATION_ERROR,
                    "a table without `class_name` cannot be planned", table.at(), "class_name"));
        }
        boolean hasKey = false;
        for (Column col : table.columns()) {
            hasKey |= col.primaryKey();
            if (col.name() == null) {
                findings.add(Findings.at(FindingCode.SCHEMA_VALIDATION_ERROR,
                        "a column without `name` cannot be planned", col.at(), "name"));
            }
            if (col.type() == null) {
                findings.add(Findings.at(FindingCode.UNKNOWN_COLUMN_TYPE, "column `" + col.name()
                        + "` has no known `type`; use one of " + ColumnType.allowed(), col.at(), "type"));
            } else if (col.type() == ColumnType.ENUM && (col.values() == null || col.values().isEmpty())) {
                findings.add(Findings.at(FindingCode.ENUM_NO_VALUES,
                        "Enum column `" + col.name() + "` needs a non-empty `values` list", col.at(), "values"));
            }
        }
        if (!hasKey) {
            findings.add(Findings.at(FindingCode.MISSING_PRIMARY_KEY, "table `" + table.tableName()
                    + "` has no primary key; mark one column `\"primary_key\": true`", table.at(), "columns"));
        }
    }
}
