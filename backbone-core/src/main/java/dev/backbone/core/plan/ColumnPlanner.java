package dev.backbone.core.plan;

import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.PlannedColumn.EnumType;
import dev.backbone.core.plan.PlannedColumn.ForeignKeyRef;
import dev.backbone.core.plan.PlannedColumn.Origin;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.OnDelete;
import dev.backbone.core.schema.Table;
import dev.backbone.core.validate.Finding;
import dev.backbone.core.validate.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns columns into {@link PlannedColumn}s with every default applied, so that targets only
 * render: the storage type a foreign key inherits (a key to {@code users.id} is an Integer), the
 * String length, whether a key autoincrements, the typed default, enum names, the key's
 * constraint, and the columns the table's options add.
 */
final class ColumnPlanner {

    /** The options' columns are the same in every table (records are immutable, so shared). */
    static final PlannedColumn CREATED_AT =
            mixin("created_at", ColumnType.DATETIME, false, false, DefaultValue.NOW, Origin.TIMESTAMP_MIXIN);
    static final PlannedColumn UPDATED_AT =
            mixin("updated_at", ColumnType.DATETIME, false, false, DefaultValue.NOW, Origin.TIMESTAMP_MIXIN);
    static final PlannedColumn IS_DELETED =
            mixin("is_deleted", ColumnType.BOOLEAN, false, true, DefaultValue.FALSE, Origin.SOFT_DELETE_MIXIN);
    static final PlannedColumn DELETED_AT =
            mixin("deleted_at", ColumnType.DATETIME, true, false, null, Origin.SOFT_DELETE_MIXIN);

    private final TableIndex index;
    private final boolean[] deferred;
    private final List<Finding> findings;
    private final EnumType[][] enums;

    /**
     * @param deferred which foreign keys are added after the tables, by {@link FkEdge#id()}
     * @param tableNames every table name including generated association tables (enum type names avoid them)
     */
    ColumnPlanner(TableIndex index, boolean[] deferred, List<String> tableNames, List<Finding> findings) {
        this.index = index;
        this.deferred = deferred;
        this.findings = findings;
        this.enums = new EnumType[index.size()][];
        EnumNames names = new EnumNames(index.classNames(), tableNames);
        for (int t = 0; t < index.size(); t++) {
            int n = index.columnCount(t);
            enums[t] = new EnumType[n];
            for (int c = 0; c < n; c++) {
                if (index.type(t, c) == ColumnType.ENUM) {
                    Table table = index.table(t);
                    enums[t][c] = names.name(table, table.columns().get(c));
                }
            }
        }
    }

    /** Declared columns in document order, then the columns the options add. */
    List<PlannedColumn> columns(int t) {
        Table table = index.table(t);
        List<PlannedColumn> out = new ArrayList<>(table.columns().size() + 4);
        int keys = 0;
        for (Column c : table.columns()) {
            keys += c.primaryKey() ? 1 : 0;
        }
        for (int c = 0; c < table.columns().size(); c++) {
            out.add(declared(t, c, keys == 1));
        }
        if (table.useTimestamps()) {
            out.add(CREATED_AT);
            out.add(UPDATED_AT);
        }
        if (table.useSoftDelete()) {
            out.add(IS_DELETED);
            out.add(DELETED_AT);
        }
        return out;
    }

    private PlannedColumn declared(int t, int c, boolean singleKey) {
        Table table = index.table(t);
        Column col = table.columns().get(c);
        int src = index.source(t, c);
        Column stored = index.columnById(src);
        ColumnType type = stored.type();
        Integer length = type == ColumnType.STRING
                ? (stored.length() != null ? stored.length() : PlannedColumn.DEFAULT_STRING_LENGTH) : null;
        Integer precision = type == ColumnType.NUMERIC ? stored.precision() : null;
        Integer scale = type == ColumnType.NUMERIC ? stored.scale() : null;
        FkEdge fk = index.foreignKey(t, c);
        boolean autoincrement = fk == null && col.primaryKey() && singleKey && type.isInteger()
                && !Boolean.FALSE.equals(col.autoincrement());
        // a single-column key is already unique and indexed: saying so again would add a redundant constraint
        boolean redundant = col.primaryKey() && singleKey;
        return new PlannedColumn(col.name(), index.attribute(t, c), type, length, precision, scale,
                col.primaryKey(), autoincrement, col.unique() && !redundant, col.indexed() && !redundant,
                col.effectiveNullable(), defaultOf(col, type), type == ColumnType.ENUM ? enums[index.tableOfId(src)][index.columnOfId(src)] : null,
                fk == null ? null : reference(fk), col.description(), Origin.DECLARED);
    }

    private DefaultValue defaultOf(Column col, ColumnType type) {
        if (!DefaultValues.present(col.defaultValue())) {
            return null;
        }
        DefaultValue v = DefaultValues.convert(col.defaultValue(), type);
        if (v == null) {
            findings.add(Findings.at(FindingCode.INVALID_DEFAULT, "the `default` of column `" + col.name()
                    + "` is not a literal of its type " + type.wire(), col.at(), "default"));
        }
        return v;
    }

    /** What a foreign key references, with its constraint name and whether it is deferred. */
    ForeignKeyRef reference(FkEdge fk) {
        Table table = index.table(fk.table());
        Column col = index.column(fk.table(), fk.column());
        String target = index.name(fk.targetTable());
        String onDelete = col.onDelete() == null || col.onDelete() == OnDelete.NO_ACTION ? null : col.onDelete().sql();
        return new ForeignKeyRef(target, index.columnName(fk.targetTable(), fk.targetColumn()), onDelete,
                deferred[fk.id()], SqlNames.foreignKey(table.tableName(), col.name(), target));
    }

    private static PlannedColumn mixin(String name, ColumnType type, boolean nullable, boolean indexed, DefaultValue dflt,
            Origin origin) {
        return new PlannedColumn(name, name, type, null, null, null, false, false, false, indexed, nullable, dflt, null,
                null, null, origin);
    }
}
