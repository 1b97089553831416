package dev.backbone.core.plan;

import dev.backbone.core.index.NameIndex;
import dev.backbone.core.naming.PythonNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Assembles the immutable {@link PlannedTable}s, in build order, from the decisions the other
 * passes made (order, deferred keys, pairing, names, columns).
 */
final class PlanBuilder {

    private final TableIndex index;
    private final boolean[] deferred;
    private final ColumnPlanner columns;
    private final List<List<RelSide>> sidesByTable;
    private final String[] modules;

    PlanBuilder(TableIndex index, boolean[] deferred, ColumnPlanner columns, List<RelSide> sides) {
        this.index = index;
        this.deferred = deferred;
        this.columns = columns;
        this.sidesByTable = new ArrayList<>(index.size());
        for (int t = 0; t < index.size(); t++) {
            sidesByTable.add(new ArrayList<>(0));
        }
        for (RelSide s : sides) {
            sidesByTable.get(s.table).add(s);
        }
        this.modules = modules(index);
    }

    /** Module names in document order, unique ({@code base} becomes {@code base_}; a clash gets {@code _2}). */
    private static String[] modules(TableIndex index) {
        String[] out = new String[index.size()];
        NameIndex used = new NameIndex(index.size());
        for (int t = 0; t < index.size(); t++) {
            String m = Naming.module(index.name(t));
            String unique = m;
            for (int n = 2; !used.add(unique); n++) {
                unique = m + "_" + n;
            }
            out[t] = unique;
        }
        return out;
    }

    List<PlannedTable> tables(int[] order) {
        List<PlannedTable> out = new ArrayList<>(order.length);
        for (int t : order) {
            out.add(table(t));
        }
        return out;
    }

    List<DeferredForeignKey> deferred() {
        List<DeferredForeignKey> out = new ArrayList<>();
        for (FkEdge fk : index.foreignKeys()) {
            if (deferred[fk.id()]) {
                PlannedColumn.ForeignKeyRef ref = columns.reference(fk);
                out.add(new DeferredForeignKey(index.name(fk.table()), index.columnName(fk.table(), fk.column()),
                        ref.table(), ref.column(), ref.onDelete(), ref.constraintName()));
            }
        }
        return out;
    }

    private PlannedTable table(int t) {
        Set<String> dependsOn = new LinkedHashSet<>();
        for (int c = 0; c < index.columnCount(t); c++) {
            FkEdge fk = index.foreignKey(t, c);
            if (fk != null && !fk.selfReference() && !deferred[fk.id()]) {
                dependsOn.add(index.name(fk.targetTable()));
            }
        }
        List<PlannedRelationship> rels = new ArrayList<>(sidesByTable.get(t).size());
        for (RelSide s : sidesByTable.get(t)) {
            rels.add(relationship(s));
        }
        ColumnDrafts d = index.drafts();
        return new PlannedTable(index.name(t), index.className(t), modules[t], d.description(t), d.timestamps(t),
                d.softDelete(t), columns.columns(t), rels, new ArrayList<>(dependsOn));
    }

    private PlannedRelationship relationship(RelSide s) {
        String fkColumn = null;
        String fkTable = null;
        if (s.link != null && index.linkCount(s.table, s.target) > 1) {
            fkColumn = index.columnName(s.link.table(), s.link.column());
            fkTable = index.name(s.link.table());
        }
        String remote = s.remoteSide;
        if (s.selfReferential() && s.link != null && RelationshipNames.holdsKey(s)) {
            remote = PythonNames.attributeFor(index.columnName(s.link.targetTable(), s.link.targetColumn()));
        }
        return new PlannedRelationship(s.attribute, s.type, index.name(s.target), index.className(s.target), modules[s.target],
                s.mirror == null ? null : s.mirror.attribute, fkColumn, fkTable, s.secondary, s.selfReferential(), remote,
                s.description);
    }
}
