package dev.backbone.core.schema;

import java.util.List;

/**
 * A project schema document as read. Fields are {@code null} where the document left them out
 * or gave a value of the wrong kind (the reader reported that already); the validator decides
 * what is an error, so a broken document still yields every finding in one run.
 *
 * <p>{@code longestString} is the length in chars of the longest string the reader bound (names,
 * types, targets, descriptions, labels, string defaults), or {@link #UNMEASURED}. The reader
 * measures each string while it is in the cache anyway; the validator's length limit then needs
 * to look at no string at all unless one is long, instead of visiting every string of the model
 * a second time (on a document of 10,000 tables, a cache miss for most of them).
 */
public record Schema(
        String projectName, String dbTypeName, DbType dbType, String description, List<Table> tables, Locations at,
        int longestString) {

    /** {@link #longestString} of a model whose strings nobody measured. */
    public static final int UNMEASURED = -1;

    public Schema {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A model built by hand, its strings unmeasured. */
    public Schema(String projectName, String dbTypeName, DbType dbType, String description, List<Table> tables, Locations at) {
        this(projectName, dbTypeName, dbType, description, tables, at, UNMEASURED);
    }

    /** The table with this name, or {@code null}. Linear: callers that loop use {@link dev.backbone.core.index.DocumentIndex}. */
    public Table table(String name) {
        for (Table t : tables) {
            if (name != null && name.equals(t.tableName())) {
                return t;
            }
        }
        return null;
    }
}
