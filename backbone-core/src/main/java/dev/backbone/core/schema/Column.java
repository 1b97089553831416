package dev.backbone.core.schema;

import dev.backbone.core.json.JsonNode;
import java.util.List;

/**
 * One column as written. {@code nullable} and {@code autoincrement} stay {@code null} when
 * absent, because "absent" and "explicitly true" mean different things (an explicit
 * {@code "nullable": true} on a primary key is an error, an absent one is not).
 * {@code defaultValue} is the raw JSON value, so the validator can check it against the type.
 * {@code targetTable} and {@code targetColumn} are the two halves of a {@code table.column}
 * {@code target} ({@code null} when it is absent or malformed), derived from it by the usual
 * constructor.
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
        Locations at,
        String targetTable,
        String targetColumn,
        String renamedFrom) {

    public Column {
        values = values == null ? null : List.copyOf(values);
    }

    /** A column that was not renamed. */
    public Column(int index, String name, String typeName, ColumnType type, Integer length, Integer precision,
            Integer scale, boolean primaryKey, Boolean autoincrement, boolean unique, boolean indexed, Boolean nullable,
            JsonNode defaultValue, List<String> values, String target, String onDeleteName, OnDelete onDelete,
            String description, Locations at, String targetTable, String targetColumn) {
        this(index, name, typeName, type, length, precision, scale, primaryKey, autoincrement, unique, indexed, nullable,
                defaultValue, values, target, onDeleteName, onDelete, description, at, targetTable, targetColumn, null);
    }

    /**
     * A column as written, with the name it had before ({@code renamed_from}, or null): the
     * migration of a schema change renames the column instead of dropping and adding it.
     */
    public Column(int index, String name, String typeName, ColumnType type, Integer length, Integer precision,
            Integer scale, boolean primaryKey, Boolean autoincrement, boolean unique, boolean indexed, Boolean nullable,
            JsonNode defaultValue, List<String> values, String target, String onDeleteName, OnDelete onDelete,
            String description, Locations at, String renamedFrom) {
        this(index, name, typeName, type, length, precision, scale, primaryKey, autoincrement, unique, indexed, nullable,
                defaultValue, values, target, onDeleteName, onDelete, description, at, tableOf(target), columnOf(target),
                renamedFrom);
    }

    /**
     * A column as written; {@link #targetTable()} and {@link #targetColumn()} are split from
     * {@code target} here, once: the validator and the architect ask for them several times per
     * key, and splitting on each call made a new string each time.
     */
    public Column(int index, String name, String typeName, ColumnType type, Integer length, Integer precision,
            Integer scale, boolean primaryKey, Boolean autoincrement, boolean unique, boolean indexed, Boolean nullable,
            JsonNode defaultValue, List<String> values, String target, String onDeleteName, OnDelete onDelete,
            String description, Locations at) {
        this(index, name, typeName, type, length, precision, scale, primaryKey, autoincrement, unique, indexed, nullable,
                defaultValue, values, target, onDeleteName, onDelete, description, at, tableOf(target), columnOf(target), null);
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
    static String tableOf(String target) {
        int dot = target == null ? -1 : target.indexOf('.');
        return dot > 0 && dot < target.length() - 1 && target.indexOf('.', dot + 1) < 0 ? target.substring(0, dot) : null;
    }

    /** The referenced column of a {@code table.column} target, or {@code null} when malformed. */
    static String columnOf(String target) {
        String t = tableOf(target);
        return t == null ? null : target.substring(t.length() + 1);
    }
}
