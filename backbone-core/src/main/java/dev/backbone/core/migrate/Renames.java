package dev.backbone.core.migrate;

import java.util.HashMap;
import java.util.Map;

/**
 * The renames a schema declares ({@code "renamed_from"}): new table name to old, and per new
 * table name, new column name to old. The downgrade uses {@link #inverted()}.
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {

    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        Map<String, Map<String, String>> c = new HashMap<>();
        columns.forEach((k, v) -> c.put(k, Map.copyOf(v)));
        columns = Map.copyOf(c);
    }

    /** The old name of a new table, or null when it was not renamed. */
    public String oldTable(String table) {
        return tables.get(table);
    }

    /** The old name of a column of a new table, or null when it was not renamed. */
    public String oldColumn(String table, String column) {
        return columns.getOrDefault(table, Map.of()).get(column);
    }

    /** The same renames read the other way: old names to new, keyed by the old table name. */
    public Renames inverted() {
        Map<String, String> t = new HashMap<>();
        tables.forEach((n, o) -> t.put(o, n));
        Map<String, Map<String, String>> c = new HashMap<>();
        columns.forEach((table, m) -> {
            Map<String, String> inv = new HashMap<>();
            m.forEach((n, o) -> inv.put(o, n));
            c.put(tables.getOrDefault(table, table), inv);
        });
        return new Renames(t, c);
    }
}
