package dev.backbone.core.plan;

import dev.backbone.core.naming.NameIndex;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the architect looks up over and over (a table by name, a column by name, what each
 * foreign key points to, the storage type a key inherits), built once so that every later pass
 * stays linear in the size of the document.
 *
 * <p>Filled by {@link TableIndexer}, one table at a time, possibly while the reader is still
 * binding the document. The architect runs only on documents the schema_validator accepted, but
 * it does not trust that: the indexer reports, with the validator's own codes, anything it cannot plan (a key
 * pointing nowhere, a table without a name, ...) instead of throwing; the architect then stops.
 */
final class TableIndex {

    final NameIndex tableByName;
    /** Tables with many columns get a name map on first lookup; small ones are scanned (cheaper than hashing). */
    private Map<Integer, Map<String, Integer>> columnMaps;
    final List<FkEdge> foreignKeys = new ArrayList<>();
    /** The tables in document order, as they were added (see {@link TableIndexer}). */
    final List<Table> tables = new ArrayList<>();
    /** Every column has a global id {@code base[t] + c}: flat arrays instead of one array per table. */
    int[] base;
    int[] tableOf;
    FkEdge[] fkOf;
    int[] source;
    String[] attributes;
    /** Each column's name by global id: references to a column need not visit it. */
    String[] columnNames;
    /** Each column's type by global id, so passes that look for one kind need not visit every column. */
    ColumnType[] types;
    boolean[] renames;
    /** Each table's name and class name, read once: later passes ask for them without visiting the tables. */
    String[] names;
    String[] classNames;
    /** Each relationship's target table (-1: none of the document), by {@code relBase[t] + r}: looked up once. */
    int[] relBase;
    int[] relTarget;
    /**
     * Each table's own foreign keys, in column order (null: none). A table has a few, so a scan
     * answers "keys from a to b" without the global map of pairs this used to be: on a document of
     * 10,000 tables that map's scattered entries cost a cache miss per lookup, several per
     * relationship.
     */
    List<FkEdge>[] outgoing;
    /** What later passes need from the columns, taken while each table is in the cache (see {@link ColumnDrafts}). */
    final ColumnDrafts drafts;
    /**
     * A side for every relationship with a known type and target, in document order, made in the
     * visit to its table; what is left out was reported by {@link PlanInputCheck}.
     */
    final List<RelSide> sides = new ArrayList<>();

    /** An empty index with room for about this many tables and columns; {@link TableIndexer} fills it. */
    @SuppressWarnings("unchecked")
    TableIndex(int tables, int columns) {
        int n = Math.max(tables, 1);
        int m = Math.max(columns, 1);
        tableByName = new NameIndex(n);
        base = new int[n + 1];
        relBase = new int[n + 1];
        tableOf = new int[m];
        fkOf = new FkEdge[m];
        source = new int[m];
        attributes = new String[m];
        columnNames = new String[m];
        types = new ColumnType[m];
        renames = new boolean[n];
        names = new String[n];
        classNames = new String[n];
        relTarget = new int[m];
        outgoing = new List[n];
        drafts = new ColumnDrafts(n, m);
    }

    /** Indexes the schema; anything that makes planning impossible is added to {@code findings} as an error. */
    static TableIndex build(Schema schema, List<Finding> findings) {
        TableIndexer indexer = new TableIndexer(schema.tables().size());
        for (Table t : schema.tables()) {
            indexer.add(t);
        }
        return indexer.finish(findings);
    }

    // --- lookups


    List<Table> tables() {
        return tables;
    }

    int size() {
        return tables.size();
    }

    Table table(int i) {
        return tables.get(i);
    }

    /** Document index of the table with this name, or -1. */
    int indexOf(String tableName) {
        return tableName == null ? -1 : tableByName.get(tableName);
    }

    /** Index of the (first) column with this name in table {@code t}, or -1; from the flat names, not the columns. */
    int columnIndex(int t, String columnName) {
        if (columnName == null) {
            return -1;
        }
        int from = base[t];
        int n = base[t + 1] - from;
        if (n <= 16) {
            for (int c = 0; c < n; c++) {
                if (columnName.equals(columnNames[from + c])) {
                    return c;
                }
            }
            return -1;
        }
        if (columnMaps == null) {
            columnMaps = new HashMap<>();
        }
        Map<String, Integer> m = columnMaps.get(t);
        if (m == null) {
            m = new HashMap<>(n * 2);
            for (int c = 0; c < n; c++) {
                if (columnNames[from + c] != null) {
                    m.putIfAbsent(columnNames[from + c], c);
                }
            }
            columnMaps.put(t, m);
        }
        Integer i = m.get(columnName);
        return i == null ? -1 : i;
    }

    Column column(int t, int c) {
        return tables.get(t).columns().get(c);
    }

    /** Every foreign key, in document order (table, then column); self references included. */
    List<FkEdge> foreignKeys() {
        return foreignKeys;
    }

    /** The foreign key of column {@code c} of table {@code t}, or null when it is not one. */
    FkEdge foreignKey(int t, int c) {
        return fkOf[base[t] + c];
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

    /**
     * The column whose type a column really stores: itself, or for a foreign key the column at the
     * end of its chain of references (a key may point at a key), as a global column id.
     */
    int source(int t, int c) {
        return source[base[t] + c];
    }

    /** The column with this global id. */
    Column columnById(int id) {
        int t = tableOf[id];
        return tables.get(t).columns().get(id - base[t]);
    }



    /** {@code orders.invoice_id -> invoices.id}: how messages name a foreign key. */
    String describe(FkEdge e) {
        return name(e.table()) + "." + column(e.table(), e.column()).name() + " -> " + name(e.targetTable()) + "."
                + column(e.targetTable(), e.targetColumn()).name();
    }

    String name(int t) {
        return names[t];
    }

    /** The class name of table {@code t}. */
    String className(int t) {
        return classNames[t];
    }

    /** The name of column {@code c} of table {@code t}. */
    String columnName(int t, int c) {
        return columnNames[base[t] + c];
    }

    /** Every table name in document order, read-only. */
    List<String> names() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(names).subList(0, size()));
    }

    /** Every class name in document order, read-only. */
    List<String> classNames() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(classNames).subList(0, size()));
    }

    /** The table relationship {@code r} of table {@code t} points to, or -1. */
    int relationshipTarget(int t, int r) {
        return relTarget[relBase[t] + r];
    }

    /** How many columns table {@code t} declares. */
    int columnCount(int t) {
        return base[t + 1] - base[t];
    }

    /** The type of column {@code c} of table {@code t} ({@code null} when unknown). */
    ColumnType type(int t, int c) {
        return types[base[t] + c];
    }

    /** Whether some column of table {@code t} gets an attribute other than its name ({@code class} -> {@code class_}). */
    boolean renamesAColumn(int t) {
        return renames[t];
    }

    /** The drafts of the columns and the tables' own flags (see {@link ColumnDrafts}). */
    ColumnDrafts drafts() {
        return drafts;
    }

    /** The sides of every plannable relationship, in document order, not yet paired or linked (see {@link RelationshipPairing}). */
    List<RelSide> sides() {
        return sides;
    }

    /** The global id of column {@code c} of table {@code t}. */
    int id(int t, int c) {
        return base[t] + c;
    }

    /** The type of the column with this global id ({@code null} when unknown). */
    ColumnType typeById(int id) {
        return types[id];
    }

    /** The Python attribute of column {@code c} of table {@code t} (computed once: every pass asks). */
    String attribute(int t, int c) {
        return attributes[base[t] + c];
    }
}
