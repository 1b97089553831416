package dev.backbone.core.migrate;

import dev.backbone.core.plan.PlannedColumn;
import java.util.List;

/**
 * One step of a migration, as the differ decides it and every renderer (Alembic, SQL per
 * dialect, text) spells it. Steps carry both sides where a renderer needs the old state
 * (MySQL's {@code MODIFY} restates the whole column; SQLite rebuilds the table).
 */
public sealed interface MigrationOp {

    /** The table the step changes, or null for a database-wide step (an enum type). */
    String table();

    /** Destructive: it can lose data (drop, narrowing, label removal). */
    default boolean destructive() {
        return false;
    }

    /** A named enum type created before the tables that use it (PostgreSQL). */
    record CreateEnum(String name, List<String> labels) implements MigrationOp {
        public CreateEnum {
            labels = List.copyOf(labels);
        }

        @Override
        public String table() {
            return null;
        }
    }

    /** A named enum type dropped after the last column using it (PostgreSQL). */
    record DropEnum(String name, List<String> labels) implements MigrationOp {
        public DropEnum {
            labels = List.copyOf(labels);
        }

        @Override
        public String table() {
            return null;
        }
    }

    /** Labels added to a named enum type, each placed before {@code before} (null: at the end). */
    record AddEnumLabel(String name, String label, String before) implements MigrationOp {
        @Override
        public String table() {
            return null;
        }
    }

    /** An enum type whose labels were removed or reordered: a new type replaces it in its columns. */
    record ReplaceEnum(String name, List<String> from, List<String> to, List<PlannedColumnRef> columns) implements MigrationOp {
        public ReplaceEnum {
            from = List.copyOf(from);
            to = List.copyOf(to);
            columns = List.copyOf(columns);
        }

        @Override
        public String table() {
            return null;
        }

        @Override
        public boolean destructive() {
            return !to.containsAll(from);
        }
    }

    /** A named enum type renamed (its table or column was renamed). */
    record RenameEnum(String from, String to) implements MigrationOp {
        @Override
        public String table() {
            return null;
        }
    }

    /** A column using an enum type being replaced: its default must be lifted while the type changes. */
    record PlannedColumnRef(String table, PlannedColumn column) {}

    record CreateTable(Catalog.CTable created) implements MigrationOp {
        @Override
        public String table() {
            return created.name();
        }
    }

    record DropTable(Catalog.CTable dropped) implements MigrationOp {
        @Override
        public String table() {
            return dropped.name();
        }

        @Override
        public boolean destructive() {
            return true;
        }
    }

    /** @param serialColumns PostgreSQL: the SERIAL columns, whose sequences are named after the table */
    record RenameTable(String from, String to, List<String> serialColumns) implements MigrationOp {
        public RenameTable {
            serialColumns = List.copyOf(serialColumns);
        }

        @Override
        public String table() {
            return from;
        }
    }

    /** A primary key renamed (its table was) or moved to other columns. */
    record AlterPrimaryKey(String table, String fromName, List<String> fromColumns, String toName, List<String> toColumns)
            implements MigrationOp {
        public AlterPrimaryKey {
            fromColumns = List.copyOf(fromColumns);
            toColumns = List.copyOf(toColumns);
        }
    }

    record AddColumn(String table, PlannedColumn column) implements MigrationOp {}

    record DropColumn(String table, PlannedColumn column) implements MigrationOp {
        @Override
        public boolean destructive() {
            return true;
        }
    }

    record RenameColumn(String table, PlannedColumn from, PlannedColumn to) implements MigrationOp {}

    /**
     * A column whose type, nullability, default or comment changed.
     *
     * @param fill for NULL becoming NOT NULL: rows holding NULL get the new default first
     * @param narrowing the new type holds fewer values (a shorter String, fewer digits, another type)
     */
    record AlterColumn(String table, PlannedColumn from, PlannedColumn to, boolean fill, boolean narrowing)
            implements MigrationOp {
        @Override
        public boolean destructive() {
            return narrowing;
        }
    }

    record AddUnique(String table, Catalog.Unique unique) implements MigrationOp {}

    record DropUnique(String table, Catalog.Unique unique) implements MigrationOp {}

    record CreateIndex(String table, Catalog.Index index) implements MigrationOp {}

    record DropIndex(String table, Catalog.Index index) implements MigrationOp {}

    record AddForeignKey(String table, Catalog.ForeignKey foreignKey) implements MigrationOp {}

    record DropForeignKey(String table, Catalog.ForeignKey foreignKey) implements MigrationOp {}

    record AlterTableComment(String table, String from, String to) implements MigrationOp {}
}
