package dev.backbone.core.migrate;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.AssociationTable;
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
 * Builds the {@link Catalog} of a plan with the rules of the {@code sql} target (TARGETS.md):
 * unique only is a UNIQUE constraint, index only an index, both one unique index; a single
 * primary key gets neither; association tables' keys cascade. Names come from
 * {@link SqlNames}, the names {@code schema.sql} and the models use.
 */
public final class CatalogBuilder {

    private CatalogBuilder() {}

    public static Catalog of(Plan plan) {
        List<Catalog.CTable> tables = new ArrayList<>();
        Map<String, List<String>> enums = new LinkedHashMap<>();
        for (PlannedTable t : plan.tables()) {
            tables.add(table(t));
            for (PlannedColumn c : t.columns()) {
                if (c.type() == ColumnType.ENUM && c.enumType() != null) {
                    enums.putIfAbsent(c.enumType().dbName(), c.enumType().values());
                }
            }
        }
        for (AssociationTable a : plan.associations()) {
            tables.add(association(plan, a));
        }
        return new Catalog(plan.dbType(), tables, enums);
    }

    private static Catalog.CTable table(PlannedTable t) {
        List<Catalog.Unique> uniques = new ArrayList<>();
        List<Catalog.Index> indexes = new ArrayList<>();
        List<Catalog.ForeignKey> fks = new ArrayList<>();
        for (PlannedColumn c : t.columns()) {
            if (!c.primaryKey()) {
                if (c.unique() && c.indexed()) {
                    indexes.add(new Catalog.Index(SqlNames.index(t.tableName(), c.name()), c.name(), true));
                } else if (c.unique()) {
                    uniques.add(new Catalog.Unique(SqlNames.unique(t.tableName(), c.name()), c.name()));
                } else if (c.indexed()) {
                    indexes.add(new Catalog.Index(SqlNames.index(t.tableName(), c.name()), c.name(), false));
                }
            }
            PlannedColumn.ForeignKeyRef fk = c.foreignKey();
            if (fk != null) {
                fks.add(new Catalog.ForeignKey(fk.constraintName(), c.name(), fk.table(), fk.column(), onDelete(fk.onDelete()),
                        fk.deferred()));
            }
        }
        List<String> pk = t.primaryKey().stream().map(PlannedColumn::name).toList();
        return new Catalog.CTable(t.tableName(), t.description(), false, t.columns(), SqlNames.primaryKey(t.tableName()), pk,
                uniques, indexes, fks);
    }

    private static Catalog.CTable association(Plan plan, AssociationTable a) {
        List<PlannedColumn> columns = new ArrayList<>();
        List<Catalog.ForeignKey> fks = new ArrayList<>();
        for (AssociationTable.Side s : List.of(a.left(), a.right())) {
            PlannedTable target = plan.table(s.table());
            PlannedColumn ref = target == null ? null : target.column(s.targetColumn());
            if (ref == null) {
                throw new IllegalStateException("association " + a.name() + " references unknown " + s.table() + "." + s.targetColumn());
            }
            columns.add(new PlannedColumn(s.column(), s.column(), ref.type() == ColumnType.FOREIGN_KEY ? ColumnType.INTEGER : ref.type(),
                    ref.length(), ref.precision(), ref.scale(), true, false, false, false, false, null, ref.enumType(), null, null,
                    PlannedColumn.Origin.DECLARED));
            fks.add(new Catalog.ForeignKey(s.constraintName(), s.column(), s.table(), s.targetColumn(), "CASCADE", false));
        }
        return new Catalog.CTable(a.name(), null, true, columns, SqlNames.primaryKey(a.name()),
                List.of(a.left().column(), a.right().column()), List.of(), List.of(), fks);
    }

    /** The SQL action, or null for NO ACTION (not written, as SQLAlchemy does). */
    static String onDelete(String action) {
        if (action == null) {
            return null;
        }
        return OnDelete.fromWire(action.strip()).filter(o -> o != OnDelete.NO_ACTION).map(OnDelete::sql).orElse(null);
    }
}
