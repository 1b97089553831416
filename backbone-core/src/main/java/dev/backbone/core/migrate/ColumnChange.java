package dev.backbone.core.migrate;

import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.ColumnType;
import java.util.Objects;
import java.util.Set;

/** How two versions of a column differ: the one place that decides what counts as a change and what narrows. */
final class ColumnChange {

    private static final Set<String> WIDENINGS = Set.of("INTEGER>BIG_INTEGER", "STRING>TEXT", "INTEGER>NUMERIC",
            "BIG_INTEGER>NUMERIC", "INTEGER>FLOAT");

    private ColumnChange() {}

    /** Same storage type: type, length, precision, scale, and enum labels unless they live in a named type. */
    static boolean sameType(PlannedColumn a, PlannedColumn b, boolean namedEnums) {
        if (storage(a) != storage(b) || !Objects.equals(length(a), length(b)) || !Objects.equals(a.precision(), b.precision())
                || !Objects.equals(a.scale(), b.scale())) {
            return false;
        }
        if (storage(a) == ColumnType.ENUM) {
            // a named type's labels change through the enum steps, not the column
            return namedEnums || a.enumType().values().equals(b.enumType().values());
        }
        return true;
    }

    static boolean sameColumn(PlannedColumn a, PlannedColumn b, boolean namedEnums) {
        return sameType(a, b, namedEnums) && a.nullable() == b.nullable() && Objects.equals(a.defaultValue(), b.defaultValue())
                && Objects.equals(comment(a), comment(b)) && a.autoincrement() == b.autoincrement();
    }

    /** The new type holds fewer values than the old one. */
    static boolean narrowing(PlannedColumn from, PlannedColumn to) {
        ColumnType a = storage(from);
        ColumnType b = storage(to);
        if (a != b) {
            return !WIDENINGS.contains(a + ">" + b);
        }
        if (a == ColumnType.STRING) {
            return length(to) < length(from);
        }
        if (a == ColumnType.NUMERIC) {
            return smaller(to.precision(), from.precision()) || smaller(to.scale(), from.scale());
        }
        if (a == ColumnType.ENUM) {
            return !to.enumType().values().containsAll(from.enumType().values());
        }
        return false;
    }

    private static boolean smaller(Integer a, Integer b) {
        if (a == null) {
            return false;
        }
        return b == null || a < b;
    }

    static ColumnType storage(PlannedColumn c) {
        return c.type() == ColumnType.FOREIGN_KEY ? ColumnType.INTEGER : c.type();
    }

    static int length(PlannedColumn c) {
        return c.type() == ColumnType.STRING ? (c.length() == null ? PlannedColumn.DEFAULT_STRING_LENGTH : c.length()) : 0;
    }

    static String comment(PlannedColumn c) {
        return c.description() == null || c.description().isEmpty() ? null : c.description();
    }
}
