package dev.backbone.core.plan;

/**
 * The association table of a many_to_many relationship: two foreign keys that together are the
 * primary key. Generated once per pair, even though both sides declare the relationship.
 */
public record AssociationTable(String name, Side left, Side right) {

    /** One foreign key column of the association: its name, and the key it references. */
    public record Side(String column, String table, String targetColumn, dev.backbone.core.schema.ColumnType type, String constraintName) {}
}
