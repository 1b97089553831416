package dev.backbone.core.plan;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.ValidatedSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The architect's view of a validated document: the {@link DocumentIndex} the validator checked
 * it with (tables, columns, names, what each key points to and stores), and what planning adds in
 * its one visit to each table ({@link Builder}): the foreign keys as edges between tables, the
 * relationships' sides, and the drafts of the columns ({@link ColumnDrafts}). Every later pass
 * reads these instead of the model, so each stays linear in the size of the document.
 */
final class TableIndex {

    private final DocumentIndex doc;
    private final List<FkEdge> foreignKeys;
    /** The foreign key of each column by global id (null: not a key). */
    private final FkEdge[] fkOf;
    /**
     * Each table's own foreign keys, in column order (null: none). A table has a few, so a scan
     * answers "keys from a to b" without a global map of pairs, whose scattered entries cost a
     * cache miss per lookup on a large document.
     */
    private final List<FkEdge>[] outgoing;
    private final ColumnDrafts drafts;
    private final List<RelSide> sides;

    private TableIndex(Builder b) {
        doc = b.doc;
        foreignKeys = b.foreignKeys;
        fkOf = b.fkOf;
        outgoing = b.outgoing;
        drafts = b.drafts;
        sides = b.sides;
    }

    /** Indexes a validated document for planning. */
    static TableIndex of(ValidatedSchema schema) {
        return new Builder(schema.index()).build();
    }

    List<Table> tables() {
        return doc.tables();
    }

    int size() {
        return doc.size();
    }

    Table table(int t) {
        return doc.table(t);
    }

    /** Document index of the table with this name, or -1. */
    int indexOf(String tableName) {
        return doc.indexOf(tableName);
    }

    /** Index of the (first) column with this name in table {@code t}, or -1. */
    int columnIndex(int t, String columnName) {
        return doc.columnIndex(t, columnName);
    }

    Column column(int t, int c) {
        return doc.column(t, c);
    }

    /** Every foreign key, in document order (table, then column); self references included. */
    List<FkEdge> foreignKeys() {
        return foreignKeys;
    }

    /** The foreign key of column {@code c} of table {@code t}, or null when it is not one. */
    FkEdge foreignKey(int t, int c) {
        return fkOf[doc.id(t, c)];
    }

    /** Foreign keys of table {@code from} pointing at table {@code to}, in column order (possibly empty). */
    List<FkEdge> foreignKeys(int from, int to) {
        List<FkEdge> mine = outgoing[from];
        if (mine == null) {
            return List.of();
        }
        int matching = 0;
        for (FkEdge e : mine) {
            matching += e.targetTable() == to ? 1 : 0;
        }
        if (matching == mine.size()) {
            return mine;
        }
        List<FkEdge> l = new ArrayList<>(matching);
        for (FkEdge e : mine) {
            if (e.targetTable() == to) {
                l.add(e);
            }
        }
        return l;
    }

    /** How many keys link tables {@code a} and {@code b}, either direction (a table with itself: its self references). */
    int linkCount(int a, int b) {
        return a == b ? foreignKeys(a, a).size() : foreignKeys(a, b).size() + foreignKeys(b, a).size();
    }

    /** The global id of the column whose type column {@code c} of table {@code t} stores (see {@link DocumentIndex#source}). */
    int source(int t, int c) {
        return doc.source(doc.id(t, c));
    }

    /** The column with this global id. */
    Column columnById(int id) {
        return doc.columnById(id);
    }

    /** {@code orders.invoice_id -> invoices.id}: how messages name a foreign key. */
    String describe(FkEdge e) {
        return name(e.table()) + "." + columnName(e.table(), e.column()) + " -> " + name(e.targetTable()) + "."
                + columnName(e.targetTable(), e.targetColumn());
    }

    String name(int t) {
        return doc.name(t);
    }

    String className(int t) {
        return doc.className(t);
    }

    String columnName(int t, int c) {
        return doc.columnName(t, c);
    }

    List<String> names() {
        return doc.names();
    }

    List<String> classNames() {
        return doc.classNames();
    }

    int columnCount(int t) {
        return doc.columnCount(t);
    }

    boolean renamesAColumn(int t) {
        return doc.renamesAColumn(t);
    }

    /** The drafts of the columns and the tables' own flags (see {@link ColumnDrafts}). */
    ColumnDrafts drafts() {
        return drafts;
    }

    /** The sides of every relationship, in document order, not yet paired or linked (see {@link RelationshipPairing}). */
    List<RelSide> sides() {
        return sides;
    }

    int id(int t, int c) {
        return doc.id(t, c);
    }

    ColumnType typeById(int id) {
        return doc.typeById(id);
    }

    String attribute(int t, int c) {
        return doc.attribute(t, c);
    }

    /**
     * The architect's one visit to each table of a validated document: its foreign keys become
     * edges (their targets resolved by the document index), its relationships sides, its columns
     * drafts. Everything is known to be well formed, so nothing here can fail.
     */
    static final class Builder {
        private final DocumentIndex doc;
        private final List<FkEdge> foreignKeys = new ArrayList<>();
        private final FkEdge[] fkOf;
        private final List<FkEdge>[] outgoing;
        private final ColumnDrafts drafts;
        private final List<RelSide> sides = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Builder(DocumentIndex doc) {
            this.doc = doc;
            int columns = doc.columns();
            fkOf = new FkEdge[columns];
            outgoing = new List[doc.size()];
            drafts = new ColumnDrafts(doc.size(), columns);
        }

        TableIndex build() {
            for (int t = 0; t < doc.size(); t++) {
                Table table = doc.table(t);
                List<Column> cols = table.columns();
                for (int c = 0; c < cols.size(); c++) {
                    if (cols.get(c).type() == ColumnType.FOREIGN_KEY) {
                        foreignKey(t, c, cols.get(c));
                    }
                }
                drafts.table(t, table, doc);
                List<Relationship> rels = table.relationships();
                for (int r = 0; r < rels.size(); r++) {
                    sides.add(new RelSide(t, r, doc.relationshipTarget(t, r), rels.get(r)));
                }
            }
            return new TableIndex(this);
        }

        private void foreignKey(int t, int c, Column col) {
            int to = doc.target(doc.id(t, c));
            int targetTable = doc.tableOf(to);
            FkEdge e = new FkEdge(foreignKeys.size(), t, c, targetTable, to - doc.id(targetTable, 0),
                    col.effectiveNullable());
            foreignKeys.add(e);
            fkOf[doc.id(t, c)] = e;
            if (outgoing[t] == null) {
                outgoing[t] = new ArrayList<>(2);
            }
            outgoing[t].add(e);
        }
    }
}
