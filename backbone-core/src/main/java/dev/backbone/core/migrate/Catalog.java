package dev.backbone.core.migrate;

import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.schema.DbType;
import java.util.List;
import java.util.Map;

/**
 * What a database holds once a plan is applied: tables (the planned ones in build order, then
 * the association tables) with every constraint named, and the named enum types. The differ
 * compares two of these; it never looks at the plan again, so a migration is exactly the
 * difference of what {@code schema.sql} would create for each schema.
 *
 * @param enums named enum types by database name, in order of first use (PostgreSQL creates
 *     them; other dialects keep the labels on the column)
 */
public record Catalog(DbType dbType, List<CTable> tables, Map<String, List<String>> enums) {

    public Catalog {
        tables = List.copyOf(tables);
        enums = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(enums));
    }

    /** The empty database: the "old" side of the initial revision. */
    public static Catalog empty(DbType dbType) {
        return new Catalog(dbType, List.of(), Map.of());
    }

    public CTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * One table.
     *
     * @param columns every column, mixin ones included, in creation order
     * @param foreignKeys every foreign key; {@link ForeignKey#deferred} ones are added after all
     *     tables where the dialect allows it
     */
    public record CTable(String name, String comment, boolean association, List<PlannedColumn> columns, String pkName,
            List<String> primaryKey, List<Unique> uniques, List<Index> indexes, List<ForeignKey> foreignKeys) {
        public CTable {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniques = List.copyOf(uniques);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }

        public PlannedColumn column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** A UNIQUE constraint on one column. */
    public record Unique(String name, String column) {}

    /** An index on one column; {@code unique} when the column is both unique and indexed. */
    public record Index(String name, String column, boolean unique) {}

    /**
     * A foreign key constraint.
     *
     * @param onDelete the SQL action, or null for NO ACTION
     * @param deferred added after every table exists (a nullable cycle)
     */
    public record ForeignKey(String name, String column, String refTable, String refColumn, String onDelete,
            boolean deferred) {}
}
