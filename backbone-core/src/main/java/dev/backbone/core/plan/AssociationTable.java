package dev.backbone.core.plan;

/**
 * The association table of a many_to_many relationship: two foreign keys that together are the
 * primary key. Generated once per pair, even though both sides declare the relationship.
 *
 * <p>Named by the relationship's {@code secondary}, else {@code <a>_<b>} of the two table names
 * sorted; {@code left} references the table whose name sorts first. Columns are
 * {@code <table>_id}; for a table with itself {@code <table>_id} and {@code related_<table>_id}.
 * Each side references its table's single primary key; {@code type} is that key's storage type
 * (look up its length/precision through {@link Plan#table}). Render them after every table.
 */
public record AssociationTable(String name, Side left, Side right) {

    /** One foreign key column of the association: its name, and the key it references. */
    public record Side(String column, String table, String targetColumn, dev.backbone.core.schema.ColumnType type, String constraintName) {}
}
