package dev.backbone.core.generate.sql;

import java.util.List;

/**
 * What the SQL templates lay out: every decision already made, every SQL fragment that holds
 * user text already escaped for the dialect (types with enum labels, default expressions).
 * Names and descriptions stay raw: the templates pass them through the {@link SqlEscapes}
 * filters ({@code ident}, {@code sqlstring}, {@code sqlcomment}).
 */
public final class Ddl {

    private Ddl() {}

    /** The whole script. */
    public record Script(String projectName, String description, List<String> buildOrder, List<EnumType> enums,
            List<Table> tables, List<ForeignKey> deferred) {
        public Script {
            buildOrder = List.copyOf(buildOrder);
            enums = List.copyOf(enums);
            tables = List.copyOf(tables);
            deferred = List.copyOf(deferred);
        }
    }

    /** A named enum type (PostgreSQL {@code CREATE TYPE}); labels raw. */
    public record EnumType(String name, List<String> labels) {
        public EnumType {
            labels = List.copyOf(labels);
        }
    }

    /**
     * One CREATE TABLE with what follows it.
     *
     * @param association true for a generated many_to_many association table
     * @param foreignKeys the constraints declared inside the CREATE TABLE
     */
    public record Table(String name, String description, boolean association, List<Column> columns,
            PrimaryKey primaryKey, List<Unique> uniques, List<ForeignKey> foreignKeys, List<Index> indexes) {
        public Table {
            columns = List.copyOf(columns);
            uniques = List.copyOf(uniques);
            foreignKeys = List.copyOf(foreignKeys);
            indexes = List.copyOf(indexes);
        }

        /** Whether any column has a description (for the COMMENT ON and {@code --} layouts). */
        public boolean hasColumnComments() {
            return columns.stream().anyMatch(c -> c.description() != null);
        }
    }

    /**
     * One column line.
     *
     * @param type the SQL type, escaped (it may hold enum labels)
     * @param defaultSql the expression after DEFAULT, escaped; null for none
     * @param suffix what follows NOT NULL (MySQL AUTO_INCREMENT), or null
     */
    public record Column(String name, String type, boolean notNull, String defaultSql, String suffix,
            String description) {}

    public record PrimaryKey(String name, List<String> columns) {
        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    public record Unique(String name, String column) {}

    /**
     * A foreign key constraint.
     *
     * @param onDelete the SQL action, or null for NO ACTION (not written, as SQLAlchemy)
     * @param deferredInline true when the plan defers it but the dialect cannot add it later (SQLite)
     */
    public record ForeignKey(String name, String table, String column, String refTable, String refColumn,
            String onDelete, boolean deferredInline) {}

    public record Index(String name, String table, String column, boolean unique) {}
}
