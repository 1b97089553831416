package dev.backbone.core.validate.links;

/**
 * One foreign key of the document as an edge of the dependency graph: table {@code table} (the
 * one holding the column) depends on {@code targetTable}. Indexes are document indexes, so that
 * every tie is broken by document order.
 *
 * @param id position in {@link Links#foreignKeys()} (document order of table, then column)
 * @param table document index of the table holding the foreign key column
 * @param column index of the column in its table
 * @param targetTable document index of the referenced table
 * @param targetColumn index of the referenced column in its table
 * @param nullable whether the column may be NULL: only such a key can be added after the tables
 */
public record FkEdge(int id, int table, int column, int targetTable, int targetColumn, boolean nullable) {

    /** A key pointing to its own table: never a dependency, never a cycle. */
    public boolean selfReference() {
        return table == targetTable;
    }
}
