package dev.backbone.core.schema;

import java.util.List;

/** One table of a schema document, in document order ({@code index} is its position in {@code schema}). */
public record Table(
        int index,
        String tableName,
        String className,
        String description,
        boolean useTimestamps,
        boolean useSoftDelete,
        List<Column> columns,
        List<Relationship> relationships,
        Locations at) {

    public Table {
        columns = columns == null ? List.of() : List.copyOf(columns);
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
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
