package dev.backbone.core.validate.rules;

import dev.backbone.core.naming.NameIndex;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Schema;
import dev.backbone.core.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hash lookups over a schema, built once per validation: tables by name and by class, columns
 * by table and name, and the storage type behind each ForeignKey. Every cross-reference rule
 * asks here instead of scanning the document, which keeps validation linear in the size of the
 * document (a 10,000-table schema has 10,000 foreign keys to resolve).
 *
 * <p>When a name is declared twice, the first declaration wins: it is the one the duplicate
 * finding points back to.
 */
public final class SchemaIndex {

    /** Marks a ForeignKey whose chain of targets cannot be resolved (kept apart from "not yet resolved"). */
    private static final Column UNRESOLVED = new Column(-1, null, null, null, null, null, null, false, null, false,
            false, null, null, null, null, null, null, null, null);

    private final List<Table> tables;
    /** Name and class name to document index: flat arrays rather than a {@code HashMap}'s scattered nodes (see {@link NameIndex}). */
    private final NameIndex tablesByName;
    private final NameIndex tablesByClass;
    /** Each table's class name by document index, read in the constructor's visit: a relationship's check needs no visit to its target. */
    private final String[] classNames;
    private Set<String> tableNames;
    /** Only tables with many columns get a map; a short scan beats hashing for the usual handful. */
    private final Map<Table, Map<String, Column>> columns = new IdentityHashMap<>();
    private static final int SCAN_LIMIT = 12;
    private final Map<Column, Column> terminal = new IdentityHashMap<>();

    public SchemaIndex(Schema schema) {
        tables = schema.tables();
        tablesByName = new NameIndex(tables.size());
        tablesByClass = new NameIndex(tables.size());
        classNames = new String[tables.size()];
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            classNames[i] = t.className();
            if (t.tableName() != null) {
                tablesByName.putIfAbsent(t.tableName(), i);
            }
            if (t.className() != null) {
                tablesByClass.putIfAbsent(t.className(), i);
            }
            if (t.columns().size() > SCAN_LIMIT) {
                Map<String, Column> byName = new HashMap<>(t.columns().size() * 2);
                for (Column c : t.columns()) {
                    if (c.name() != null) {
                        byName.putIfAbsent(c.name(), c);
                    }
                }
                columns.put(t, byName);
            }
        }
    }

    /** The first table declared with this {@code table_name}, or {@code null}. */
    public Table table(String name) {
        int i = name == null ? -1 : tablesByName.get(name);
        return i < 0 ? null : tables.get(i);
    }

    /** The document index of the first table declared with this {@code table_name}, or -1. */
    public int indexOf(String name) {
        return name == null ? -1 : tablesByName.get(name);
    }

    /** The {@code class_name} of the table at document index {@code i} (null when it has none). */
    public String className(int i) {
        return classNames[i];
    }

    /** The table at document index {@code i}. */
    public Table table(int i) {
        return tables.get(i);
    }

    /** The first table declared with this {@code class_name}, or {@code null}. */
    public Table tableOfClass(String className) {
        int i = className == null ? -1 : tablesByClass.get(className);
        return i < 0 ? null : tables.get(i);
    }

    /** The first column of {@code table} with this name, or {@code null}. */
    public Column column(Table table, String name) {
        if (table == null || name == null) {
            return null;
        }
        if (table.columns().size() > SCAN_LIMIT) {
            Map<String, Column> m = columns.get(table);
            return m == null ? null : m.get(name);
        }
        for (Column c : table.columns()) {
            if (name.equals(c.name())) {
                return c;
            }
        }
        return null;
    }

    /** Every table name, for "did you mean" hints (made on request: only a finding asks). */
    public Set<String> tableNames() {
        if (tableNames == null) {
            Set<String> names = new java.util.LinkedHashSet<>();
            for (Table t : tables) {
                if (t.tableName() != null) {
                    names.add(t.tableName());
                }
            }
            tableNames = java.util.Collections.unmodifiableSet(names);
        }
        return tableNames;
    }

    /** The column names of {@code table}, for "did you mean" hints. */
    public Set<String> columnNames(Table table) {
        Set<String> names = new TreeSet<>();
        for (Column c : table.columns()) {
            if (c.name() != null) {
                names.add(c.name());
            }
        }
        return names;
    }

    /** The column a ForeignKey's {@code target} names, or {@code null} when it names none. */
    public Column target(Column fk) {
        return column(table(fk.targetTable()), fk.targetColumn());
    }

    /**
     * The column that gives {@code c} its storage type: {@code c} itself unless it is a
     * ForeignKey, else the end of the chain of targets (a key may point to a key). {@code null}
     * when the chain breaks (missing target) or loops back on itself.
     *
     * <p>Each chain is walked once; every column on it is remembered, so resolving all keys of
     * a document costs time linear in its number of columns.
     */
    public Column typeSource(Column c) {
        if (c.type() != ColumnType.FOREIGN_KEY) {
            return c;
        }
        Column memo = terminal.get(c);
        if (memo != null) {
            return memo == UNRESOLVED ? null : memo;
        }
        Column direct = target(c);
        if (direct != null && direct.type() != ColumnType.FOREIGN_KEY) {
            terminal.put(c, direct); // the common case: a key to a primary key, no chain to walk
            return direct;
        }
        List<Column> chain = new ArrayList<>();
        Map<Column, Boolean> onChain = new IdentityHashMap<>();
        Column cur = c;
        Column result;
        while (true) {
            Column known = terminal.get(cur);
            if (known != null) {
                result = known;
                break;
            }
            if (cur.type() != ColumnType.FOREIGN_KEY) {
                result = cur;
                break;
            }
            if (onChain.put(cur, Boolean.TRUE) != null) {
                result = UNRESOLVED;
                break;
            }
            chain.add(cur);
            Column next = target(cur);
            if (next == null) {
                result = UNRESOLVED;
                break;
            }
            cur = next;
        }
        for (Column k : chain) {
            terminal.put(k, result);
        }
        return result == UNRESOLVED ? null : result;
    }

    /** The storage type of {@code c} (see {@link #typeSource}), or {@code null} when unknown. */
    public ColumnType storageType(Column c) {
        Column src = typeSource(c);
        return src == null ? null : src.type();
    }
}
