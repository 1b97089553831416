package dev.backbone.core.plan;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.rules.DefaultLiterals;
import java.util.List;

/**
 * Everything the architect needs from the columns and tables of a document, taken in its one
 * visit to each table ({@link #of}), so that later passes read these drafts and flags instead of
 * the model. A column that needs nothing from other tables is planned here,
 * completely; what does need other tables is finished by {@link ColumnPlanner}: a foreign key's
 * type, length and enum come from the column it finally references, and an Enum's names must be
 * unique across the document.
 */
final class ColumnDrafts {

    /** The planned column of each global column id; foreign keys stay null until {@link ColumnPlanner} plans them. */
    private final PlannedColumn[] planned;
    /** The columns a later pass must see again (foreign keys, Enums), by global id; null for the rest. */
    private final Column[] kept;
    /** Whether each table has exactly one primary key column (it is then already unique and indexed). */
    private final boolean[] singleKey;
    private final boolean[] timestamps;
    private final boolean[] softDelete;
    private final String[] descriptions;

    private ColumnDrafts(int tables, int columns) {
        planned = new PlannedColumn[columns];
        kept = new Column[columns];
        singleKey = new boolean[tables];
        timestamps = new boolean[tables];
        softDelete = new boolean[tables];
        descriptions = new String[tables];
    }

    /** The drafts of every table of {@code doc}. */
    static ColumnDrafts of(DocumentIndex doc) {
        ColumnDrafts d = new ColumnDrafts(doc.size(), doc.columns());
        for (int t = 0; t < doc.size(); t++) {
            d.table(t, doc.table(t), doc);
        }
        return d;
    }

    private void table(int t, Table table, DocumentIndex doc) {
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
            int id = doc.id(t, c);
            if (type == ColumnType.FOREIGN_KEY || type == ColumnType.ENUM) {
                kept[id] = col;
            }
            if (type != ColumnType.FOREIGN_KEY) {
                planned[id] = plain(col, doc.attribute(t, c), type, single);
            }
        }
    }

    /** A column that is not a foreign key: everything but an Enum's names is known from the column alone. */
    private static PlannedColumn plain(Column col, String attribute, ColumnType type, boolean singleKey) {
        // a single-column key is already unique and indexed: saying so again would add a redundant constraint
        boolean redundant = col.primaryKey() && singleKey;
        return PlannedColumn.builder(col.name(), type)
                .attribute(attribute)
                .length(type == ColumnType.STRING
                        ? (col.length() != null ? col.length() : PlannedColumn.DEFAULT_STRING_LENGTH) : null)
                .precision(type == ColumnType.NUMERIC ? col.precision() : null)
                .scale(type == ColumnType.NUMERIC ? col.scale() : null)
                .primaryKey(col.primaryKey())
                .autoincrement(redundant && type.isInteger() && !Boolean.FALSE.equals(col.autoincrement()))
                .unique(col.unique() && !redundant)
                .indexed(col.indexed() && !redundant)
                .nullable(col.effectiveNullable())
                .defaultValue(defaultOf(col, col))
                .description(col.description())
                .build();
    }

    /** The default of {@code col}, whose type comes from {@code src}; the validator has checked it. */
    static DefaultValue defaultOf(Column col, Column src) {
        return DefaultLiterals.present(col.defaultValue()) ? DefaultLiterals.convert(col.defaultValue(), src).value() : null;
    }

    PlannedColumn planned(int id) {
        return planned[id];
    }

    void plan(int id, PlannedColumn column) {
        planned[id] = column;
    }

    Column kept(int id) {
        return kept[id];
    }

    boolean singleKey(int t) {
        return singleKey[t];
    }

    boolean timestamps(int t) {
        return timestamps[t];
    }

    boolean softDelete(int t) {
        return softDelete[t];
    }

    String description(int t) {
        return descriptions[t];
    }
}
