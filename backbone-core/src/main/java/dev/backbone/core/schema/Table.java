package dev.backbone.core.schema;

import java.util.List;

/**
 * One table of a schema document, in document order ({@code index} is its position in
 * {@code schema}). {@code renamedFrom} is the name it had before, or null: a migration renames
 * the table instead of dropping it and creating a new one.
 */
public record Table(
        int index,
        String tableName,
        String className,
        String description,
        boolean useTimestamps,
        boolean useSoftDelete,
        List<Column> columns,
        List<Relationship> relationships,
        Locations at,
        String renamedFrom) {

    public Table {
        columns = columns == null ? List.of() : List.copyOf(columns);
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
    }

    /** A table that was not renamed ({@code renamed_from} absent). */
    public Table(int index, String tableName, String className, String description, boolean useTimestamps,
            boolean useSoftDelete, List<Column> columns, List<Relationship> relationships, Locations at) {
        this(index, tableName, className, description, useTimestamps, useSoftDelete, columns, relationships, at, null);
    }

    public Column column(String name) {
        for (Column c : columns) {
            if (name != null && name.equals(c.name())) {
                return c;
            }
        }
        return null;
    }

    public List<Column> primaryKey() {
        return columns.stream().filter(Column::primaryKey).toList();
    }
}
