package dev.backbone.core.plan;

import dev.backbone.core.plan.PlannedColumn.Origin;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Table;
import java.util.Arrays;
import java.util.List;

/**
 * Everything the architect needs from the columns and tables of a document, taken in the one
 * visit {@link TableIndexer} pays each table, while that table is in the processor's cache.
 *
 * <p>Why: on a document of 10,000 tables the model (about 50 MB) no longer fits in the cache, so
 * every later pass over it waits on main memory for each table and column it touches. Each pass
 * the architect made over the model cost about twice as much per table at 10,000 tables as at
 * 1,000, while its passes over flat arrays (build order, cycles) grew linearly. So a column that
 * needs nothing from other tables is planned here, completely; later passes read these drafts and
 * flags instead of the model. What does need other tables is finished by {@link ColumnPlanner}:
 * a foreign key's type, length and enum come from the column it finally references, and an
 * Enum's names must be unique across the document.
 */
final class ColumnDrafts {

    /** The planned column of each global column id; foreign keys and columns of unknown type stay null. */
    PlannedColumn[] planned;
    /** The columns a later pass must see again (foreign keys, Enums), by global id; null for the rest. */
    Column[] kept;
    /** Whether each table has exactly one primary key column (it is then already unique and indexed). */
    boolean[] singleKey;
    boolean[] timestamps;
    boolean[] softDelete;
    String[] descriptions;
    /** Ids of non-key columns whose {@code default} is not a literal of their type, in document order. */
    private int[] badDefaults = new int[0];
    private int badCount;

    ColumnDrafts(int tables, int columns) {
        planned = new PlannedColumn[columns];
        kept = new Column[columns];
        singleKey = new boolean[tables];
        timestamps = new boolean[tables];
        softDelete = new boolean[tables];
        descriptions = new String[tables];
    }

    /** Makes room for at least this many tables and columns (the indexer does not know the count in advance). */
    void ensure(int tables, int columns) {
        if (tables > singleKey.length) {
            int n = Math.max(tables, singleKey.length * 2);
            singleKey = Arrays.copyOf(singleKey, n);
            timestamps = Arrays.copyOf(timestamps, n);
            softDelete = Arrays.copyOf(softDelete, n);
            descriptions = Arrays.copyOf(descriptions, n);
        }
        if (columns > planned.length) {
            int m = Math.max(columns, planned.length * 2);
            planned = Arrays.copyOf(planned, m);
            kept = Arrays.copyOf(kept, m);
        }
    }

    /**
     * Takes table {@code t}, whose first column has global id {@code base}; {@code attributes}
     * holds each column's Python attribute by global id (already filled for this table).
     */
    void table(int t, Table table, int base, String[] attributes) {
        List<Column> cols = table.columns();
        int keys = 0;
        for (Column c : cols) {
            keys += c.primaryKey() ? 1 : 0;
        }
        boolean single = keys == 1;
        singleKey[t] = single;
        timestamps[t] = table.useTimestamps();
        softDelete[t] = table.useSoftDelete();
        descriptions[t] = table.description();
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            ColumnType type = col.type();
            int id = base + c;
            if (type == ColumnType.FOREIGN_KEY || type == ColumnType.ENUM) {
                kept[id] = col;
            }
            if (type == null || type == ColumnType.FOREIGN_KEY) {
                continue; // an unknown type stops planning (PlanInputCheck); a key waits for its target
            }
            planned[id] = plain(col, attributes[id], type, single, id);
        }
    }

    /** A column that is not a foreign key: everything but an Enum's names is known from the column alone. */
    private PlannedColumn plain(Column col, String attribute, ColumnType type, boolean singleKey, int id) {
        Integer length = type == ColumnType.STRING
                ? (col.length() != null ? col.length() : PlannedColumn.DEFAULT_STRING_LENGTH) : null;
        Integer precision = type == ColumnType.NUMERIC ? col.precision() : null;
        Integer scale = type == ColumnType.NUMERIC ? col.scale() : null;
        boolean autoincrement = col.primaryKey() && singleKey && type.isInteger()
                && !Boolean.FALSE.equals(col.autoincrement());
        // a single-column key is already unique and indexed: saying so again would add a redundant constraint
        boolean redundant = col.primaryKey() && singleKey;
        DefaultValue dflt = null;
        if (DefaultValues.present(col.defaultValue())) {
            dflt = DefaultValues.convert(col.defaultValue(), type);
            if (dflt == null) {
                kept[id] = col;
                if (badCount == badDefaults.length) {
                    badDefaults = Arrays.copyOf(badDefaults, Math.max(4, badCount * 2));
                }
                badDefaults[badCount++] = id;
            }
        }
        return new PlannedColumn(col.name(), attribute, type, length, precision, scale, col.primaryKey(), autoincrement,
                col.unique() && !redundant, col.indexed() && !redundant, col.effectiveNullable(), dflt, null, null,
                col.description(), Origin.DECLARED);
    }

    /** Ids of non-key columns whose default did not convert, in document order (their columns are {@link #kept}). */
    int[] badDefaults() {
        return Arrays.copyOf(badDefaults, badCount);
    }
}
