package dev.backbone.core.generate.sql;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.AssociationTable;
import dev.backbone.core.plan.DeferredForeignKey;
import dev.backbone.core.plan.Plan;
import dev.backbone.core.plan.PlannedColumn;
import dev.backbone.core.plan.PlannedTable;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.OnDelete;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Plan} into the {@link Ddl} the templates lay out, for one dialect. The rules of
 * TARGETS.md live here: unique only is a UNIQUE constraint, index only a CREATE INDEX, both a
 * CREATE UNIQUE INDEX; primary keys get neither; deferred keys move to ALTER TABLE where the
 * dialect allows it; association tables follow all tables, their keys ON DELETE CASCADE.
 */
public final class DdlBuilder {

    private final SqlDialect dialect;

    public DdlBuilder(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public Ddl.Script build(Plan plan) {
        List<Ddl.Table> tables = new ArrayList<>();
        for (PlannedTable t : plan.tables()) {
            tables.add(table(t));
        }
        for (AssociationTable a : plan.associations()) {
            tables.add(association(plan, a));
        }
        List<Ddl.ForeignKey> deferred = new ArrayList<>();
        if (dialect.isAlterAddConstraint()) {
            for (DeferredForeignKey d : plan.deferred()) {
                deferred.add(new Ddl.ForeignKey(d.constraintName(), d.table(), d.column(), d.targetTable(),
                        d.targetColumn(), onDelete(d.onDelete()), false));
            }
        }
        return new Ddl.Script(plan.projectName(), plan.description(), plan.buildOrder(), enums(plan), tables, deferred);
    }

    /** Named enum types in order of first use; one per database name. */
    private List<Ddl.EnumType> enums(Plan plan) {
        if (!dialect.isNamedEnums()) {
            return List.of();
        }
        Map<String, Ddl.EnumType> byName = new LinkedHashMap<>();
        for (PlannedTable t : plan.tables()) {
            for (PlannedColumn c : t.columns()) {
                if (c.type() == ColumnType.ENUM && c.enumType() != null) {
                    byName.putIfAbsent(c.enumType().dbName(), new Ddl.EnumType(c.enumType().dbName(), c.enumType().values()));
                }
            }
        }
        return List.copyOf(byName.values());
    }

    private Ddl.Table table(PlannedTable t) {
        List<Ddl.Column> columns = new ArrayList<>();
        List<Ddl.Unique> uniques = new ArrayList<>();
        List<Ddl.ForeignKey> fks = new ArrayList<>();
        List<Ddl.Index> indexes = new ArrayList<>();
        for (PlannedColumn c : t.columns()) {
            columns.add(new Ddl.Column(c.name(), dialect.columnType(c), !c.nullable() || c.primaryKey(),
                    dialect.defaultExpression(c), dialect.columnSuffix(c), c.description()));
            if (!c.primaryKey()) {
                if (c.unique() && c.indexed()) {
                    indexes.add(new Ddl.Index(SqlNames.index(t.tableName(), c.name()), t.tableName(), c.name(), true));
                } else if (c.unique()) {
                    uniques.add(new Ddl.Unique(SqlNames.unique(t.tableName(), c.name()), c.name()));
                } else if (c.indexed()) {
                    indexes.add(new Ddl.Index(SqlNames.index(t.tableName(), c.name()), t.tableName(), c.name(), false));
                }
            }
            PlannedColumn.ForeignKeyRef fk = c.foreignKey();
            if (fk != null && (!fk.deferred() || !dialect.isAlterAddConstraint())) {
                fks.add(new Ddl.ForeignKey(fk.constraintName(), t.tableName(), c.name(), fk.table(), fk.column(),
                        onDelete(fk.onDelete()), fk.deferred()));
            }
        }
        List<String> pk = t.primaryKey().stream().map(PlannedColumn::name).toList();
        return new Ddl.Table(t.tableName(), t.description(), false, columns,
                new Ddl.PrimaryKey(SqlNames.primaryKey(t.tableName()), pk), uniques, fks, indexes);
    }

    private Ddl.Table association(Plan plan, AssociationTable a) {
        List<Ddl.Column> columns = new ArrayList<>();
        List<Ddl.ForeignKey> fks = new ArrayList<>();
        for (AssociationTable.Side s : List.of(a.left(), a.right())) {
            columns.add(new Ddl.Column(s.column(), referencedType(plan, s), true, null, null, null));
            fks.add(new Ddl.ForeignKey(s.constraintName(), a.name(), s.column(), s.table(), s.targetColumn(), "CASCADE",
                    false));
        }
        return new Ddl.Table(a.name(), null, true, columns,
                new Ddl.PrimaryKey(SqlNames.primaryKey(a.name()), List.of(a.left().column(), a.right().column())),
                List.of(), fks, List.of());
    }

    /** The type of the key a side points to, without autoincrement (a String key keeps its length). */
    private String referencedType(Plan plan, AssociationTable.Side s) {
        PlannedTable target = plan.table(s.table());
        PlannedColumn referenced = target == null ? null : target.column(s.targetColumn());
        if (referenced == null) {
            throw new IllegalStateException("association " + s.column() + " references unknown " + s.table() + "."
                    + s.targetColumn());
        }
        return dialect.baseType(referenced);
    }

    /** The action to write, or null for NO ACTION (the default, not written, as SQLAlchemy does). */
    static String onDelete(String action) {
        if (action == null) {
            return null;
        }
        OnDelete o = OnDelete.fromWire(action.strip())
                .orElseThrow(() -> new IllegalStateException("unknown ON DELETE action in the plan: " + action));
        return o == OnDelete.NO_ACTION ? null : o.sql();
    }
}
