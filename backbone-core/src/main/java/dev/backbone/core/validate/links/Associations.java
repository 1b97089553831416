package dev.backbone.core.validate.links;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.RelationshipType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.FindingCode;
import dev.backbone.core.validate.links.Links.Association;
import dev.backbone.core.validate.rules.ValidationContext;
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
 * relationships would share one association table, or a side has no single-column key to
 * reference, it is SECONDARY_TABLE_CONFLICT.
 */
final class Associations {

    private final ValidationContext ctx;
    private final ForeignKeys keys;
    private final DocumentIndex doc;
    private final List<Association> generated = new ArrayList<>();
    private final Map<String, RelSide> owner = new HashMap<>();

    private Associations(ValidationContext ctx, ForeignKeys keys) {
        this.ctx = ctx;
        this.keys = keys;
        this.doc = keys.doc();
    }

    /** Sets {@link RelSide#secondary} (and {@code remoteSide} for a table with itself) and returns the tables to generate. */
    static List<Association> plan(ValidationContext ctx, ForeignKeys keys, List<RelSide> sides) {
        Associations p = new Associations(ctx, keys);
        for (RelSide s : sides) {
            if (s.type == RelationshipType.MANY_TO_MANY && (s.mirror == null || s.before(s.mirror))) {
                p.plan(s, s.mirror);
            }
        }
        return p.generated;
    }

    private void plan(RelSide s, RelSide mirror) {
        RelSide named = s.declaredSecondary != null || mirror == null || mirror.declaredSecondary == null ? s : mirror;
        String explicit = named.declaredSecondary;
        String a = doc.name(s.table);
        String b = doc.name(s.target);
        String name = explicit != null ? explicit : SqlNames.fit(a.compareTo(b) <= 0 ? a + "_" + b : b + "_" + a);
        String field = explicit != null ? "secondary" : null;
        RelSide previous = owner.putIfAbsent(name, s);
        if (previous != null) {
            ctx.report(FindingCode.SECONDARY_TABLE_CONFLICT, named.rel.at(), field, a, b, name, "which already serves the"
                    + " many_to_many from `" + doc.name(previous.table) + "` to `" + doc.name(previous.target) + "`",
                    "give one of them its own `secondary`");
            return;
        }
        int declared = doc.indexOf(name);
        String[] columns;
        if (declared >= 0) {
            columns = declaredColumns(declared, s.table, s.target);
            if (columns == null) {
                ctx.report(FindingCode.SECONDARY_TABLE_CONFLICT, named.rel.at(), field, a, b, name, "which the document"
                        + " declares with other columns (it needs a ForeignKey to `" + a + "` and one to `" + b + "`, every"
                        + " other column nullable or with a default)",
                        explicit != null ? "name another table" : "set `secondary` to a new name");
                return;
            }
        } else {
            Association table = generate(name, s);
            if (table == null) {
                return;
            }
            generated.add(table);
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
    private Association generate(String name, RelSide s) {
        int lo = s.table;
        int hi = s.target;
        if (doc.name(hi).compareTo(doc.name(lo)) < 0) {
            lo = s.target;
            hi = s.table;
        }
        int loKey = singleKey(lo, s, name);
        int hiKey = singleKey(hi, s, name);
        if (loKey < 0 || hiKey < 0) {
            return null;
        }
        String loColumn = doc.name(lo) + "_id";
        String hiColumn = lo == hi ? "related_" + doc.name(hi) + "_id" : doc.name(hi) + "_id";
        return new Association(name, new Links.End(loColumn, lo, loKey), new Links.End(hiColumn, hi, hiKey));
    }

    /** The column of table {@code t}'s single primary key, or -1 (reported when it is composite). */
    private int singleKey(int t, RelSide s, String association) {
        Table table = doc.table(t);
        int found = -1;
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).primaryKey()) {
                if (found >= 0) {
                    ctx.report(FindingCode.SECONDARY_TABLE_CONFLICT, s.rel.at(), null, doc.name(s.table),
                            doc.name(s.target), association, "which cannot be generated: `" + table.tableName()
                                    + "` has a composite primary key",
                            "declare the association table yourself and name it with `secondary`");
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }

    /**
     * The two key columns of a declared table that can serve as the association of {@code a} and
     * {@code b} ({@code [column to a, column to b]}), or null when it cannot.
     */
    private String[] declaredColumns(int t, int a, int b) {
        Table table = doc.table(t);
        String toA = null;
        String toB = null;
        for (int c = 0; c < table.columns().size(); c++) {
            Column col = table.columns().get(c);
            FkEdge fk = keys.of(t, c);
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
