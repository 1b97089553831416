package dev.backbone.core.generate.sqlalchemy;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.DbType;
import java.util.ArrayList;
import java.util.List;

/**
 * One column as a typed {@code mapped_column} statement. Constraint names come from the
 * metadata's naming convention; when the convention's name would be longer than any database
 * accepts, the constraint moves to {@code __table_args__} with the shortened name of
 * {@link SqlNames} (the name {@code schema.sql} uses), because SQLAlchemy would shorten it its
 * own way, or not at all on some dialects.
 */
final class ColumnCode {

    /**
     * @param lines the statement, black-formatted at the given indent
     * @param tableArgs constraints the column needs in {@code __table_args__} (explicitly named)
     */
    record Rendered(List<String> lines, List<PyExpr> tableArgs) {
        Rendered {
            lines = List.copyOf(lines);
            tableArgs = List.copyOf(tableArgs);
        }
    }

    private ColumnCode() {}

    /**
     * @param table the column's table, or null for a mixin column (shared by several tables:
     *     its names always come from the convention)
     */
    static Rendered render(PlannedTable table, PlannedColumn c, DbType db, ImportsCollector imports, int indent) {
        List<PyExpr> args = new ArrayList<>();
        List<PyExpr> tableArgs = new ArrayList<>();
        if (!c.attribute().equals(c.name())) {
            args.add(PyExpr.str(c.name()));
        }
        if (c.primaryKey() && c.autoincrement() && c.type() == ColumnType.BIG_INTEGER) {
            // SQLite numbers rows only for a key declared exactly INTEGER (as schema.sql does there)
            args.add(PyExpr.atom("sa.BigInteger().with_variant(sa.Integer(), \"sqlite\")"));
        } else {
            args.add(SqlAlchemyTypes.sqlType(c));
        }
        if (c.isForeignKey()) {
            args.add(foreignKey(table, c));
        }
        if (c.primaryKey()) {
            args.add(PyExpr.kw("primary_key", PyExpr.atom("True")));
            boolean auto = SqlAlchemyTypes.autoIncrementsByDefault(c, table.primaryKey());
            if (c.type().isInteger() && c.autoincrement() != auto) {
                args.add(PyExpr.kw("autoincrement", PyExpr.atom(c.autoincrement() ? "True" : "False")));
            }
        } else {
            args.add(PyExpr.kw("nullable", PyExpr.atom(c.nullable() ? "True" : "False")));
        }
        keys(table, c, args, tableArgs);
        PyExpr serverDefault = SqlAlchemyTypes.serverDefault(c, db);
        if (serverDefault != null) {
            args.add(PyExpr.kw("server_default", serverDefault));
        }
        if (c.origin() == PlannedColumn.Origin.TIMESTAMP_MIXIN && c.name().equals("updated_at")) {
            args.add(PyExpr.kw("onupdate", PyExpr.atom("sa.func.now()")));
        }
        if (c.description() != null && !c.description().isEmpty()) {
            args.add(PyExpr.kw("comment", PyExpr.str(SqlAlchemyTypes.databaseText(c.description()))));
        }
        String type = SqlAlchemyTypes.pythonType(c, imports);
        if (c.nullable() && !c.primaryKey()) {
            type = type + " | None";
        }
        imports.sa().orm("Mapped").orm("mapped_column");
        return new Rendered(BlackLayout.annotated(indent, c.attribute(), type, PyExpr.call("mapped_column", args)), tableArgs);
    }

    /** unique only: a UNIQUE constraint; index only: an index; both: one unique index (as TARGETS.md agrees). */
    private static void keys(PlannedTable table, PlannedColumn c, List<PyExpr> args, List<PyExpr> tableArgs) {
        if (c.primaryKey() || (!c.unique() && !c.indexed())) {
            return;
        }
        String t = table == null ? null : table.tableName();
        if (c.indexed()) {
            String name = t == null ? null : SqlNames.index(t, c.name());
            if (t == null || name.equals("ix_" + t + "_" + c.name())) {
                if (c.unique()) {
                    args.add(PyExpr.kw("unique", PyExpr.atom("True")));
                }
                args.add(PyExpr.kw("index", PyExpr.atom("True")));
            } else {
                List<PyExpr> ix = new ArrayList<>(List.of(PyExpr.str(name), PyExpr.str(c.name())));
                if (c.unique()) {
                    ix.add(PyExpr.kw("unique", PyExpr.atom("True")));
                }
                tableArgs.add(PyExpr.call("sa.Index", ix));
            }
            return;
        }
        String name = SqlNames.unique(t, c.name());
        if (name.equals("uq_" + t + "_" + c.name())) {
            args.add(PyExpr.kw("unique", PyExpr.atom("True")));
        } else {
            tableArgs.add(PyExpr.call("sa.UniqueConstraint", PyExpr.str(c.name()), PyExpr.kw("name", PyExpr.str(name))));
        }
    }

    /** {@code sa.ForeignKey("users.id", ondelete=..., use_alter=True, name=...)}. */
    private static PyExpr foreignKey(PlannedTable table, PlannedColumn c) {
        PlannedColumn.ForeignKeyRef fk = c.foreignKey();
        List<PyExpr> args = new ArrayList<>();
        args.add(PyExpr.str(fk.table() + "." + fk.column()));
        if (fk.onDelete() != null) {
            args.add(PyExpr.kw("ondelete", PyExpr.str(fk.onDelete())));
        }
        if (fk.deferred()) {
            args.add(PyExpr.kw("use_alter", PyExpr.atom("True")));
        }
        String conventional = "fk_" + table.tableName() + "_" + c.name() + "_" + fk.table();
        if (fk.constraintName() != null && !fk.constraintName().equals(conventional)) {
            args.add(PyExpr.kw("name", PyExpr.str(fk.constraintName())));
        }
        return PyExpr.call("sa.ForeignKey", args);
    }
}
