package dev.backbone.core.index;

import dev.backbone.core.naming.PythonNames;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Relationship;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one index of a read document, built once after reading ({@link #of}) and used by the
 * schema_validator's rules and by the architect alike: tables by name and by class, columns by
 * table and name, what each ForeignKey and relationship points to, and the column each key
 * finally stores (a key may point at a key). Every cross-reference asks here instead of scanning
 * the document, which keeps validation and planning linear in the size of the document.
 *
 * <p>Columns have global ids ({@code id(t, c)}, table by table in document order), so that what
 * is known per column sits in flat arrays instead of one object per column. When a name is
 * declared twice the first declaration wins: it is the one a duplicate finding points back to.
 *
 * <p>Read-only after {@link Builder#build()}, except for the column maps of wide tables, made on
 * first lookup: an index serves one thread.
 */
public final class DocumentIndex {

    /** A table with more columns than this gets a name map on first lookup; a short scan beats hashing. */
    private static final int SCAN_LIMIT = 12;
    /** {@link #source} of a key whose chain of targets breaks (a missing target) or loops. */
    private static final int NONE = -1;

    private final Schema schema;
    private final List<Table> tables;
    private final NameIndex byName;
    private final NameIndex byClass;
    private final String[] names;
    private final String[] classNames;
    private final boolean[] renames;
    /** Global column id of each table's first column; {@code base[size]} is the number of columns. */
    private final int[] base;
    private final int[] relBase;
    private final int[] tableOf;
    private final String[] columnNames;
    private final ColumnType[] types;
    private final String[] attributes;
    /** The column each ForeignKey names (-1: none, or not a key); {@link #source}: where its chain ends. */
    private final int[] target;
    private final int[] source;
    private final int[] relTarget;
    private Map<Integer, Map<String, Integer>> columnMaps;
    private Set<String> tableNames;

    /** An index of {@code schema} with its arrays sized from it, for {@link Builder} to fill. */
    private DocumentIndex(Schema schema) {
        this.schema = schema;
        tables = schema.tables();
        int n = tables.size();
        int columns = 0;
        int relationships = 0;
        for (Table t : tables) {
            columns += t.columns().size();
            relationships += t.relationships().size();
        }
        byName = new NameIndex(n);
        byClass = new NameIndex(n);
        names = new String[n];
        classNames = new String[n];
        renames = new boolean[n];
        base = new int[n + 1];
        relBase = new int[n + 1];
        tableOf = new int[columns];
        columnNames = new String[columns];
        types = new ColumnType[columns];
        attributes = new String[columns];
        target = new int[columns];
        source = new int[columns];
        relTarget = new int[relationships];
    }

    /** Indexes {@code schema} (its tables as read, whatever the validator will say of them). */
    public static DocumentIndex of(Schema schema) {
        return new Builder(schema).build();
    }

    /** The document this indexes. */
    public Schema schema() {
        return schema;
    }

    // --- tables

    public List<Table> tables() {
        return tables;
    }

    public int size() {
        return tables.size();
    }

    public Table table(int t) {
        return tables.get(t);
    }

    /** The document index of the first table declared with this {@code table_name}, or -1. */
    public int indexOf(String tableName) {
        return tableName == null ? -1 : byName.get(tableName);
    }

    /** The first table declared with this {@code table_name}, or null. */
    public Table table(String tableName) {
        int t = indexOf(tableName);
        return t < 0 ? null : tables.get(t);
    }

    /** The first table declared with this {@code class_name}, or null. */
    public Table tableOfClass(String className) {
        int t = className == null ? -1 : byClass.get(className);
        return t < 0 ? null : tables.get(t);
    }

    /** The {@code table_name} of table {@code t} (null when it has none). */
    public String name(int t) {
        return names[t];
    }

    /** The {@code class_name} of table {@code t} (null when it has none). */
    public String className(int t) {
        return classNames[t];
    }

    /** Every table name in document order, read-only. */
    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** Every class name in document order, read-only. */
    public List<String> classNames() {
        return Collections.unmodifiableList(Arrays.asList(classNames));
    }

    /** Every table name once, for "did you mean" hints (made on request: only a finding asks). */
    public Set<String> tableNames() {
        if (tableNames == null) {
            Set<String> s = new LinkedHashSet<>();
            for (String n : names) {
                if (n != null) {
                    s.add(n);
                }
            }
            tableNames = Collections.unmodifiableSet(s);
        }
        return tableNames;
    }

    /** Whether some column of table {@code t} gets an attribute other than its name ({@code class} -> {@code class_}). */
    public boolean renamesAColumn(int t) {
        return renames[t];
    }

    // --- columns

    /** How many columns the document declares, all tables together (global ids run from 0 to this). */
    public int columns() {
        return base[base.length - 1];
    }

    /** How many columns table {@code t} declares. */
    public int columnCount(int t) {
        return base[t + 1] - base[t];
    }

    /** The global id of column {@code c} of table {@code t}. */
    public int id(int t, int c) {
        return base[t] + c;
    }

    /** The table of the column with this global id. */
    public int tableOf(int id) {
        return tableOf[id];
    }

    public Column column(int t, int c) {
        return tables.get(t).columns().get(c);
    }

    /** The column with this global id. */
    public Column columnById(int id) {
        int t = tableOf[id];
        return tables.get(t).columns().get(id - base[t]);
    }

    /** The name of column {@code c} of table {@code t}. */
    public String columnName(int t, int c) {
        return columnNames[base[t] + c];
    }

    /** The type of the column with this global id (null when unknown). */
    public ColumnType typeById(int id) {
        return types[id];
    }

    /** The Python attribute of column {@code c} of table {@code t} (null for a column without a name). */
    public String attribute(int t, int c) {
        return attributes[base[t] + c];
    }

    /** Index of the first column with this name in table {@code t}, or -1. */
    public int columnIndex(int t, String columnName) {
        if (columnName == null || t < 0) {
            return -1;
        }
        int from = base[t];
        int n = base[t + 1] - from;
        if (n <= SCAN_LIMIT) {
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
        Map<String, Integer> m = columnMaps.computeIfAbsent(t, k -> {
            Map<String, Integer> byColumn = new HashMap<>(n * 2);
            for (int c = 0; c < n; c++) {
                if (columnNames[from + c] != null) {
                    byColumn.putIfAbsent(columnNames[from + c], c);
                }
            }
            return byColumn;
        });
        Integer i = m.get(columnName);
        return i == null ? -1 : i;
    }

    /** The first column of {@code table} with this name, or null. */
    public Column column(Table table, String name) {
        if (table == null || name == null) {
            return null;
        }
        int t = indexOf(table.tableName());
        if (t < 0 || tables.get(t) != table) {
            for (Column c : table.columns()) { // a second table of a name, or one without: only its own findings ask
                if (name.equals(c.name())) {
                    return c;
                }
            }
            return null;
        }
        int c = columnIndex(t, name);
        return c < 0 ? null : column(t, c);
    }

    /** The column names of {@code table}, sorted, for "did you mean" hints. */
    public Set<String> columnNames(Table table) {
        Set<String> out = new TreeSet<>();
        for (Column c : table.columns()) {
            if (c.name() != null) {
                out.add(c.name());
            }
        }
        return out;
    }

    // --- references

    /** The global id of the column the ForeignKey with global id {@code id} names, or -1. */
    public int target(int id) {
        return target[id];
    }

    /** The column a ForeignKey's {@code target} names, or null when it names none. */
    public Column target(Column fk) {
        int t = indexOf(fk.targetTable());
        int c = columnIndex(t, fk.targetColumn());
        return c < 0 ? null : column(t, c);
    }

    /**
     * The global id of the column whose type the column with global id {@code id} stores: itself,
     * or for a ForeignKey the end of its chain of targets; -1 when the chain breaks or loops.
     */
    public int source(int id) {
        return source[id];
    }

    /**
     * The column that gives {@code c} its storage type: {@code c} itself unless it is a
     * ForeignKey, else the end of its chain of targets; null when the chain breaks or loops.
     */
    public Column typeSource(Column c) {
        if (c.type() != ColumnType.FOREIGN_KEY) {
            return c;
        }
        int t = indexOf(c.targetTable());
        int col = columnIndex(t, c.targetColumn());
        if (col < 0) {
            return null;
        }
        int s = source[id(t, col)];
        return s == NONE ? null : columnById(s);
    }

    /** The table relationship {@code r} of table {@code t} names, or -1. */
    public int relationshipTarget(int t, int r) {
        return relTarget[relBase[t] + r];
    }

    /**
     * Fills a {@link DocumentIndex}'s own arrays (sized from the document, so nothing regrows):
     * one visit to each table and column, then the references resolved from the flat arrays.
     */
    public static final class Builder {
        private final DocumentIndex ix;

        private Builder(Schema schema) {
            ix = new DocumentIndex(schema);
        }

        public DocumentIndex build() {
            List<Table> tables = ix.tables;
            int id = 0;
            int rel = 0;
            for (int t = 0; t < tables.size(); t++) {
                Table table = tables.get(t);
                ix.base[t] = id;
                ix.relBase[t] = rel;
                ix.names[t] = table.tableName();
                ix.classNames[t] = table.className();
                if (ix.names[t] != null) {
                    ix.byName.putIfAbsent(ix.names[t], t);
                }
                if (ix.classNames[t] != null) {
                    ix.byClass.putIfAbsent(ix.classNames[t], t);
                }
                for (Column c : table.columns()) {
                    ix.tableOf[id] = t;
                    ix.columnNames[id] = c.name();
                    ix.types[id] = c.type();
                    if (c.name() != null) {
                        ix.attributes[id] = PythonNames.attributeFor(c.name());
                        ix.renames[t] |= !ix.attributes[id].equals(c.name());
                    }
                    id++;
                }
                rel += table.relationships().size();
            }
            ix.base[tables.size()] = id;
            ix.relBase[tables.size()] = rel;
            resolve();
            return ix;
        }

        /** Each key's and relationship's target, from the names; then where each chain of keys ends. */
        private void resolve() {
            List<Table> tables = ix.tables;
            for (int t = 0; t < tables.size(); t++) {
                List<Column> cols = tables.get(t).columns();
                for (int c = 0; c < cols.size(); c++) {
                    Column col = cols.get(c);
                    int to = -1;
                    if (col.type() == ColumnType.FOREIGN_KEY) {
                        int tt = ix.indexOf(col.targetTable());
                        int tc = ix.columnIndex(tt, col.targetColumn());
                        to = tc < 0 ? -1 : ix.base[tt] + tc;
                    }
                    ix.target[ix.base[t] + c] = to;
                }
                List<Relationship> rels = tables.get(t).relationships();
                for (int r = 0; r < rels.size(); r++) {
                    ix.relTarget[ix.relBase[t] + r] = ix.indexOf(rels.get(r).targetTable());
                }
            }
            sources();
        }

        /**
         * Follows each key to the column it finally stores, walking iteratively and memoizing, so a
         * chain of 10,000 keys is linear and cannot overflow the stack.
         */
        private void sources() {
            final int unresolved = -2;
            int m = ix.source.length;
            Arrays.fill(ix.source, unresolved);
            int[] walk = new int[m];
            int[] path = new int[16];
            int walkId = 0;
            for (int id = 0; id < m; id++) {
                if (ix.source[id] != unresolved) {
                    continue;
                }
                walkId++;
                int length = 0;
                int at = id;
                int result;
                while (true) {
                    if (ix.source[at] != unresolved) {
                        result = ix.source[at];
                        break;
                    }
                    if (walk[at] == walkId) {
                        result = NONE; // a loop of keys
                        break;
                    }
                    walk[at] = walkId;
                    if (length == path.length) {
                        path = Arrays.copyOf(path, length * 2);
                    }
                    path[length++] = at;
                    if (ix.types[at] != ColumnType.FOREIGN_KEY) {
                        result = at;
                        break;
                    }
                    if (ix.target[at] < 0) {
                        result = NONE; // the chain breaks
                        break;
                    }
                    at = ix.target[at];
                }
                for (int i = 0; i < length; i++) {
                    ix.source[path[i]] = result;
                }
            }
        }
    }
}
