package dev.backbone.core.plan;

import dev.backbone.core.naming.NameIndex;
import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the architect looks up over and over (a table by name, a column by name, what each
 * foreign key points to, the storage type a key inherits), built once so that every later pass
 * stays linear in the size of the document.
 *
 * <p>The architect runs only on documents the schema_validator accepted, but it does not trust
 * that: {@link #build} reports, with the validator's own codes, anything it cannot plan (a key
 * pointing nowhere, a table without a name, ...) instead of throwing; the architect then stops.
 */
final class TableIndex {

    private static final int UNRESOLVED = -2;
    private static final int FAILED = -1;

    private final Schema schema;
    private final List<Table> tables;
    private final NameIndex tableByName;
    /** Tables with many columns get a name map on first lookup; small ones are scanned (cheaper than hashing). */
    private final List<Map<String, Integer>> columnMaps;
    private final List<FkEdge> foreignKeys = new ArrayList<>();
    /** Every column has a global id {@code base[t] + c}: flat arrays instead of one array per table. */
    private final int[] base;
    private final int[] tableOf;
    private final FkEdge[] fkOf;
    private final int[] source;
    private final String[] attributes;
    /** Each column's name by global id: references to a column need not visit it. */
    private final String[] columnNames;
    /** Each column's type by global id, so passes that look for one kind need not visit every column. */
    private final ColumnType[] types;
    private final boolean[] renames;
    /** Each table's name and class name, read once: later passes ask for them without visiting the tables. */
    private final String[] names;
    private final String[] classNames;
    /** Each relationship's target table (-1: none of the document), by {@code relBase[t] + r}: looked up once. */
    private final int[] relBase;
    private final int[] relTarget;
    /**
     * Each table's own foreign keys, in column order (null: none). A table has a few, so a scan
     * answers "keys from a to b" without the global map of pairs this used to be: on a document of
     * 10,000 tables that map's scattered entries cost a cache miss per lookup, several per
     * relationship.
     */
    private final List<FkEdge>[] outgoing;
    /** What later passes need from the columns, taken while each table is in the cache (see {@link ColumnDrafts}). */
    private final ColumnDrafts drafts;
    /** Foreign keys whose target table is known, waiting for every table's columns to be indexed. */
    private final List<PendingKey> pending = new ArrayList<>();

    /**
     * A side for every relationship with a known type and target, in document order, made in the
     * pass that visits the relationship anyway; what is left out was reported by {@link PlanInputCheck}.
     */
    private final List<RelSide> sides = new ArrayList<>();

    private record PendingKey(int table, int column, int target, String targetColumn, boolean nullable) {}

    private TableIndex(Schema schema) {
        this.schema = schema;
        this.tables = schema.tables();
        int n = tables.size();
        this.tableByName = new NameIndex(n);
        this.columnMaps = new ArrayList<>(java.util.Collections.nCopies(n, null));
        this.base = new int[n + 1];
        for (int t = 0; t < n; t++) {
            base[t + 1] = base[t] + tables.get(t).columns().size();
        }
        this.tableOf = new int[base[n]];
        for (int t = 0; t < n; t++) {
            java.util.Arrays.fill(tableOf, base[t], base[t + 1], t);
        }
        this.fkOf = new FkEdge[base[n]];
        this.source = new int[base[n]];
        this.attributes = new String[base[n]];
        this.columnNames = new String[base[n]];
        this.types = new ColumnType[base[n]];
        this.renames = new boolean[n];
        this.names = new String[n];
        this.classNames = new String[n];
        this.relBase = new int[n + 1];
        for (int t = 0; t < n; t++) {
            relBase[t + 1] = relBase[t] + tables.get(t).relationships().size();
        }
        this.relTarget = new int[relBase[n]];
        @SuppressWarnings("unchecked")
        List<FkEdge>[] out = new List[n];
        this.outgoing = out;
        this.drafts = new ColumnDrafts(n, base[n]);
    }

    /** Indexes the schema; anything that makes planning impossible is added to {@code findings} as an error. */
    static TableIndex build(Schema schema, List<Finding> findings) {
        TableIndex ix = new TableIndex(schema);
        ix.indexNames(findings);
        ix.indexTables(findings);
        ix.resolveForeignKeys(findings);
        ix.resolveKeyTypes(findings);
        return ix;
    }

    // --- lookups

    Schema schema() {
        return schema;
    }

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
        Map<String, Integer> m = columnMaps.get(t);
        if (m == null) {
            m = new HashMap<>(n * 2);
            for (int c = 0; c < n; c++) {
                if (columnNames[from + c] != null) {
                    m.putIfAbsent(columnNames[from + c], c);
                }
            }
            columnMaps.set(t, m);
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

    int tableOfId(int id) {
        return tableOf[id];
    }

    int columnOfId(int id) {
        return id - base[tableOf[id]];
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
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(names));
    }

    /** Every class name in document order, read-only. */
    List<String> classNames() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(classNames));
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

    // --- building and checking
    //
    // Each pass below also runs the plan-input checks of what it visits: on a document too large
    // for the processor's cache, a sweep over the model costs more than the work it does.

    /** Pass 1: the tables' names, so that the next pass can resolve a reference to any table, earlier or later. */
    private void indexNames(List<Finding> findings) {
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            String name = table.tableName();
            names[t] = name;
            classNames[t] = table.className();
            if (name != null && tableByName.putIfAbsent(name, t) >= 0) {
                findings.add(Findings.at(FindingCode.DUPLICATE_TABLE_NAME,
                        "table `" + name + "` is declared twice; give each table its own `table_name`", table.at(),
                        "table_name"));
            }
        }
    }

    /**
     * Pass 2, the only one over the columns and relationships: everything the architect needs
     * from a table is taken in this one visit (flat arrays, {@link ColumnDrafts}, the foreign keys
     * to resolve), with the plan-input checks of what it visits.
     */
    private void indexTables(List<Finding> findings) {
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            PlanInputCheck.checkTable(table, findings);
            List<Column> cols = table.columns();
            for (int c = 0; c < cols.size(); c++) {
                Column col = cols.get(c);
                int id = base[t] + c;
                types[id] = col.type();
                String column = col.name();
                columnNames[id] = column;
                if (column != null) {
                    String attribute = PythonNames.attributeFor(column);
                    attributes[id] = attribute;
                    renames[t] |= attribute != column;
                }
                if (col.type() == ColumnType.FOREIGN_KEY) {
                    foreignKeyTarget(t, c, col, findings);
                }
            }
            drafts.table(t, table, base[t], attributes);
            List<Relationship> rels = table.relationships();
            for (int r = 0; r < rels.size(); r++) {
                Relationship rel = rels.get(r);
                int target = indexOf(rel.targetTable());
                relTarget[relBase[t] + r] = target;
                if (rel.type() != null && target >= 0) {
                    sides.add(new RelSide(t, r, target, rel));
                }
            }
            PlanInputCheck.checkRelationships(this, t, findings);
        }
    }

    /** Checks the {@code target} of key column {@code c} of table {@code t} as far as the table; the column comes in pass 3. */
    private void foreignKeyTarget(int t, int c, Column col, List<Finding> findings) {
        if (col.target() == null) {
            findings.add(Findings.at(FindingCode.FK_MISSING_TARGET, "ForeignKey column `" + col.name()
                    + "` has no `target`; write `\"target\": \"table.column\"`", col.at(), "target"));
            return;
        }
        String tt = col.targetTable();
        if (tt == null) {
            findings.add(Findings.at(FindingCode.INVALID_FK_FORMAT,
                    "`target` must be `table.column`, not `" + col.target() + "`", col.at(), "target"));
            return;
        }
        int target = indexOf(tt);
        if (target < 0) {
            findings.add(Findings.at(FindingCode.FK_TABLE_NOT_FOUND,
                    "`target` names table `" + tt + "`, which the document does not declare", col.at(), "target"));
            return;
        }
        pending.add(new PendingKey(t, c, target, col.targetColumn(), col.effectiveNullable()));
    }

    /** Pass 3: each key's target column, from the flat column names; the keys get their ids in document order. */
    private void resolveForeignKeys(List<Finding> findings) {
        for (PendingKey k : pending) {
            int t = k.table();
            int c = k.column();
            int targetColumn = columnIndex(k.target(), k.targetColumn());
            if (targetColumn < 0) {
                findings.add(Findings.at(FindingCode.FK_COLUMN_NOT_FOUND, "`target` names column `" + k.targetColumn()
                        + "`, which table `" + names[k.target()] + "` does not have", column(t, c).at(), "target"));
                continue;
            }
            FkEdge e = new FkEdge(foreignKeys.size(), t, c, k.target(), targetColumn, k.nullable());
            foreignKeys.add(e);
            fkOf[base[t] + c] = e;
            if (outgoing[t] == null) {
                outgoing[t] = new ArrayList<>(2);
            }
            outgoing[t].add(e);
        }
        pending.clear();
    }

    /**
     * Follows each key to the column it finally stores (a key may point at another key), walking
     * iteratively and memoizing, so that a chain of 10,000 keys is linear and cannot overflow the stack.
     */
    private void resolveKeyTypes(List<Finding> findings) {
        int m = source.length;
        java.util.Arrays.fill(source, UNRESOLVED);
        int[] walk = new int[m];
        int[] path = new int[Math.min(m, 16)];
        int walkId = 0;
        for (int id = 0; id < m; id++) {
            if (source[id] != UNRESOLVED) {
                continue;
            }
            walkId++;
            int length = 0;
            int at = id;
            int result;
            boolean loop = false;
            while (true) {
                if (source[at] != UNRESOLVED) {
                    result = source[at];
                    break;
                }
                if (walk[at] == walkId) {
                    result = FAILED;
                    loop = true;
                    break;
                }
                walk[at] = walkId;
                if (length == path.length) {
                    path = java.util.Arrays.copyOf(path, length * 2);
                }
                path[length++] = at;
                FkEdge fk = fkOf[at];
                if (fk == null) {
                    result = at;
                    break;
                }
                at = base[fk.targetTable()] + fk.targetColumn();
            }
            for (int i = 0; i < length; i++) {
                source[path[i]] = result;
            }
            if (loop) {
                FkEdge first = fkOf[id];
                findings.add(Findings.at(FindingCode.FK_TYPE_NOT_KEYABLE, "foreign key " + describe(first)
                        + " leads into a loop of keys that only point at each other, so no column in it has a"
                        + " type; point one of them at a real key column", columnById(id).at(), "target"));
            }
        }
    }
}
