package dev.backbone.core.validate.links;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys of a document the format's rules hold for, as edges between tables: in
 * document order, by column and by the table holding them. Every key's target is resolved by
 * the {@link DocumentIndex}, so nothing here can fail.
 */
final class ForeignKeys {

    private final DocumentIndex doc;
    private final List<FkEdge> all = new ArrayList<>();
    /** The key of each column by global id (null: not a key). */
    private final FkEdge[] byColumn;
    /**
     * Each table's own keys, in column order (null: none). A table has a few, so a scan answers
     * "keys from a to b" without a global map of pairs, whose scattered entries cost a cache miss
     * per lookup on a large document.
     */
    private final List<FkEdge>[] outgoing;

    @SuppressWarnings("unchecked")
    ForeignKeys(DocumentIndex doc) {
        this.doc = doc;
        byColumn = new FkEdge[doc.columns()];
        outgoing = new List[doc.size()];
        for (int t = 0; t < doc.size(); t++) {
            for (int c = 0; c < doc.columnCount(t); c++) {
                int id = doc.id(t, c);
                if (doc.typeById(id) == ColumnType.FOREIGN_KEY) {
                    add(t, c, id);
                }
            }
        }
    }

    private void add(int t, int c, int id) {
        int to = doc.target(id);
        int targetTable = doc.tableOf(to);
        FkEdge e = new FkEdge(all.size(), t, c, targetTable, to - doc.id(targetTable, 0),
                doc.column(t, c).effectiveNullable());
        all.add(e);
        byColumn[id] = e;
        if (outgoing[t] == null) {
            outgoing[t] = new ArrayList<>(2);
        }
        outgoing[t].add(e);
    }

    DocumentIndex doc() {
        return doc;
    }

    /** Every key, in document order (table, then column); self references included. */
    List<FkEdge> all() {
        return all;
    }

    /** The key of column {@code c} of table {@code t}, or null when it is not one. */
    FkEdge of(int t, int c) {
        return byColumn[doc.id(t, c)];
    }

    /** Keys of table {@code from} pointing at table {@code to}, in column order (possibly empty). */
    List<FkEdge> between(int from, int to) {
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
        return a == b ? between(a, a).size() : between(a, b).size() + between(b, a).size();
    }

    /** {@code orders.invoice_id -> invoices.id}: how messages name a key. */
    String describe(FkEdge e) {
        return doc.name(e.table()) + "." + doc.columnName(e.table(), e.column()) + " -> " + doc.name(e.targetTable()) + "."
                + doc.columnName(e.targetTable(), e.targetColumn());
    }
}
