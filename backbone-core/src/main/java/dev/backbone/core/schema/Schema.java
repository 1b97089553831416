package dev.backbone.core.schema;

import java.util.List;

/**
 * A project schema document as read. Fields are {@code null} where the document left them out
 * or gave a value of the wrong kind (the reader reported that already); the validator decides
 * what is an error, so a broken document still yields every finding in one run.
 */
public record Schema(
        String projectName, String dbTypeName, DbType dbType, String description, List<Table> tables, Locations at) {

    public Schema {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** The table with this name, or {@code null}. Linear: callers that loop use {@code SchemaIndex}. */
    public Table table(String name) {
        for (Table t : tables) {
            if (name != null && name.equals(t.tableName())) {
                return t;
            }
        }
        return null;
    }
}
