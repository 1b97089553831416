package dev.backbone.core.plan;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The association tables of many_to_many relationships: one per pair, however many sides
 * declare it. Named by {@code secondary}, else {@code <a>_<b>} of the two table names sorted;
 * its columns are {@code <table>_id}, each referencing one side's single primary key (a table
 * with itself: {@code <table>_id} and {@code related_<table>_id}).
 *
 * <p>A {@code secondary} naming a table of the document uses that table when it can serve (a
 * key to each side, every other column optional); otherwise, or when two different
 * relationships would share one association table, it is SECONDARY_TABLE_CONFLICT.
 */
final class AssociationPlanner {

    private final TableIndex index;
    private final List<Finding> findings;
    private final List<AssociationTable> associations = new ArrayList<>();
    private final Map<String, RelSide> owner = new HashMap<>();

    private AssociationPlanner(TableIndex index, List<Finding> findings) {
        this.index = index;
        this.findings = findings;
    }

    /** Sets {@link RelSide#secondary} (and {@code remoteSide} for a table with itself) and returns the tables to generate. */
    static List<AssociationTable> plan(TableIndex index, List<RelSide> sides, List<Finding> findings) {
        AssociationPlanner p = new AssociationPlanner(index, findings);
        for (RelSide s : sides) {
            if (s.type == RelationshipType.MANY_TO_MANY && (s.mirror == null || s.before(s.mirror))) {
                p.plan(s, s.mirror);
            }
        }
        return p.associations;
    }

    private void plan(RelSide s, RelSide mirror) {
        RelSide named = s.declaredSecondary != null || mirror == null || mirror.declaredSecondary == null ? s : mirror;
        String explicit = named.declaredSecondary;
        String a = index.name(s.table);
        String b = index.name(s.target);
        String name = explicit != null ? explicit : dev.backbone.core.naming.SqlNames.fit(a.compareTo(b) <= 0 ? a + "_" + b : b + "_" + a);
        RelSide previous = owner.putIfAbsent(name, s);
        if (previous != null) {
            findings.add(Findings.at(FindingCode.SECONDARY_TABLE_CONFLICT, "the many_to_many from `" + a + "` to `" + b
                    + "` would use the association table `" + name + "`, which already serves the many_to_many from `"
                    + index.name(previous.table) + "` to `" + index.name(previous.target) + "`; give one of them"
                    + " its own `secondary`", named.rel.at(), explicit != null ? "secondary" : null));
            return;
        }
        int declared = index.doc().indexOf(name);
        String[] columns;
        if (declared >= 0) {
            columns = declaredColumns(declared, s.table, s.target);
            if (columns == null) {
                String how = explicit != null ? "`secondary` names" : "its association table would be";
                findings.add(Findings.at(FindingCode.SECONDARY_TABLE_CONFLICT, "the many_to_many from `" + a + "` to `"
                        + b + "`: " + how + " `" + name + "`, which the document declares with other columns (it needs"
                        + " a ForeignKey to `" + a + "` and one to `" + b + "`, every other column nullable or with a"
                        + " default); " + (explicit != null ? "name another table" : "set `secondary` to a new name"),
                        named.rel.at(), explicit != null ? "secondary" : null));
                return;
            }
        } else {
            AssociationTable table = generate(name, s);
            if (table == null) {
                return;
            }
            associations.add(table);
            columns = new String[] {table.left().column(), table.right().column()};
        }
        s.secondary = name;
        if (mirror != null) {
            mirror.secondary = name;
        }
        if (s.selfReferential()) {
            s.remoteSide = columns[1];
            if (mirror != null) {
                mirror.remoteSide = columns[0];
            }
        }
    }

    /** The generated table, or null (reported) when a side has no single-column primary key. */
    private AssociationTable generate(String name, RelSide s) {
        int lo = s.table;
        int hi = s.target;
        if (index.name(hi).compareTo(index.name(lo)) < 0) {
            lo = s.target;
            hi = s.table;
        }
        int[] loKey = singleKey(lo, s);
        int[] hiKey = singleKey(hi, s);
        if (loKey == null || hiKey == null) {
            return null;
        }
        String loColumn = index.name(lo) + "_id";
        String hiColumn = lo == hi ? "related_" + index.name(hi) + "_id" : index.name(hi) + "_id";
        return new AssociationTable(name, side(name, loColumn, lo, loKey[1]), side(name, hiColumn, hi, hiKey[1]));
    }

    private AssociationTable.Side side(String association, String column, int table, int keyColumn) {
        ColumnType type = index.doc().columnById(index.source(table, keyColumn)).type();
        return new AssociationTable.Side(column, index.name(table), index.doc().column(table, keyColumn).name(), type,
                SqlNames.foreignKey(association, column, index.name(table)));
    }

    private int[] singleKey(int t, RelSide s) {
        Table table = index.table(t);
        int found = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).primaryKey()) {
                if (found >= 0) {
                    findings.add(Findings.at(FindingCode.SECONDARY_TABLE_CONFLICT, "the many_to_many from `"
                            + index.name(s.table) + "` to `" + index.name(s.target) + "` needs a generated association"
                            + " table, but `" + table.tableName() + "` has a composite primary key; declare the"
                            + " association table yourself and name it with `secondary`", s.rel.at(), null));
                    return null;
                }
                found = c;
            }
        }
        return found < 0 ? null : new int[] {t, found};
    }

    /**
     * The two key columns of a declared table that can serve as the association of {@code a} and
     * {@code b} ({@code [column to a, column to b]}), or null when it cannot.
     */
    private String[] declaredColumns(int t, int a, int b) {
        Table table = index.table(t);
        String toA = null;
        String toB = null;
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            FkEdge fk = index.foreignKey(t, c);
            if (fk != null && fk.targetTable() == a && toA == null) {
                toA = col.name();
                continue;
            }
            if (fk != null && fk.targetTable() == b && toB == null) {
                toB = col.name();
                continue;
            }
            boolean optional = col.effectiveNullable() || col.hasDefault()
                    || (col.primaryKey() && col.type() != null && col.type().isInteger()
                            && !Boolean.FALSE.equals(col.autoincrement()));
            if (!optional) {
                return null;
            }
        }
        return toA != null && toB != null ? new String[] {toA, toB} : null;
    }
}
