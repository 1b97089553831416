package dev.backbone.core.schema;

import dev.backbone.core.json.JsonNode;
import java.util.List;

/**
 * One column as written. {@code nullable} and {@code autoincrement} stay {@code null} when
 * absent, because "absent" and "explicitly true" mean different things (an explicit
 * {@code "nullable": true} on a primary key is an error, an absent one is not).
 * {@code defaultValue} is the raw JSON value, so the validator can check it against the type.
 */
public record Column(
        int index,
        String name,
        String typeName,
        ColumnType type,
        Integer length,
        Integer precision,
        Integer scale,
        boolean primaryKey,
        Boolean autoincrement,
        boolean unique,
        boolean indexed,
        Boolean nullable,
        JsonNode defaultValue,
        List<String> values,
        String target,
        String onDeleteName,
        OnDelete onDelete,
        String description,
        Locations at) {

    public Column {
        values = values == null ? null : List.copyOf(values);
    }

    /** Keys are never NULL; other columns are nullable unless they say otherwise. */
    public boolean effectiveNullable() {
        if (primaryKey) {
            return false;
        }
        return nullable == null || nullable;
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }

    /** The referenced table of a {@code table.column} target, or {@code null} when malformed. */
    public String targetTable() {
        int dot = target == null ? -1 : target.indexOf('.');
        return dot > 0 && dot < target.length() - 1 && target.indexOf('.', dot + 1) < 0 ? target.substring(0, dot) : null;
    }

    /** The referenced column of a {@code table.column} target, or {@code null} when malformed. */
    public String targetColumn() {
        String t = targetTable();
        return t == null ? null : target.substring(t.length() + 1);
    }
}
