package dev.backbone.core.plan;

import dev.backbone.core.index.DocumentIndex;
import dev.backbone.core.naming.SqlNames;
import dev.backbone.core.plan.PlannedColumn.EnumType;
import dev.backbone.core.plan.PlannedColumn.ForeignKeyRef;
import dev.backbone.core.plan.PlannedColumn.Origin;
import dev.backbone.core.schema.Column;
import dev.backbone.core.schema.ColumnType;
import dev.backbone.core.schema.OnDelete;
import dev.backbone.core.validate.links.FkEdge;
import dev.backbone.core.validate.links.Links;
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

    private final DocumentIndex doc;
    private final Links links;
    private final ColumnDrafts drafts;
    private boolean keysPlanned;

    /**
     * Names every Enum, in document order, from the drafts.
     *
     * @param tableNames every table name including generated association tables (enum type names avoid them)
     */
    ColumnPlanner(DocumentIndex doc, Links links, ColumnDrafts drafts, List<String> tableNames) {
        this.doc = doc;
        this.links = links;
        this.drafts = drafts;
        EnumNames names = new EnumNames(doc.classNames(), tableNames);
        for (int t = 0; t < doc.size(); t++) {
            for (int c = 0; c < doc.columnCount(t); c++) {
                int id = doc.id(t, c);
                if (doc.typeById(id) == ColumnType.ENUM) {
                    Column col = drafts.kept(id);
                    EnumType e = names.name(doc.className(t), doc.name(t), col.name(), col.values());
                    drafts.plan(id, drafts.planned(id).toBuilder().enumType(e).build());
                }
            }
        }
    }

    /** Declared columns in document order, then the columns the options add. */
    List<PlannedColumn> columns(int t) {
        if (!keysPlanned) {
            planKeys();
        }
        int n = doc.columnCount(t);
        List<PlannedColumn> out = new ArrayList<>(n + 4);
        int first = doc.id(t, 0);
        for (int c = 0; c < n; c++) {
            out.add(drafts.planned(first + c));
        }
        if (drafts.timestamps(t)) {
            out.add(CREATED_AT);
            out.add(UPDATED_AT);
        }
        if (drafts.softDelete(t)) {
            out.add(IS_DELETED);
            out.add(DELETED_AT);
        }
        return out;
    }

    /**
     * Plans every foreign key column from the column it finally stores (already planned: its
     * type, length and Enum). Done once, when the first table's columns are asked for.
     */
    private void planKeys() {
        keysPlanned = true;
        for (FkEdge fk : links.foreignKeys()) {
            int t = fk.table();
            int id = doc.id(t, fk.column());
            Column col = drafts.kept(id);
            int source = doc.source(id);
            PlannedColumn stored = drafts.planned(source);
            ColumnType type = stored.type();
            boolean redundant = col.primaryKey() && drafts.singleKey(t);
            drafts.plan(id, PlannedColumn.builder(col.name(), type)
                    .attribute(doc.attribute(t, fk.column()))
                    .length(stored.length())
                    .precision(stored.precision())
                    .scale(stored.scale())
                    .primaryKey(col.primaryKey())
                    .unique(col.unique() && !redundant)
                    .indexed(col.indexed() && !redundant)
                    .nullable(col.effectiveNullable())
                    .defaultValue(ColumnDrafts.defaultOf(col, doc.columnById(source)))
                    .enumType(type == ColumnType.ENUM ? stored.enumType() : null)
                    .foreignKey(reference(fk, col))
                    .description(col.description())
                    .build());
        }
    }

    /** What a foreign key references, with its constraint name and whether it is deferred. */
    ForeignKeyRef reference(FkEdge fk) {
        return reference(fk, drafts.kept(doc.id(fk.table(), fk.column())));
    }

    private ForeignKeyRef reference(FkEdge fk, Column col) {
        String target = doc.name(fk.targetTable());
        String onDelete = col.onDelete() == null || col.onDelete() == OnDelete.NO_ACTION ? null : col.onDelete().sql();
        return new ForeignKeyRef(target, doc.columnName(fk.targetTable(), fk.targetColumn()), onDelete,
                links.deferred(fk), SqlNames.foreignKey(doc.name(fk.table()), col.name(), target));
    }

    private static PlannedColumn mixin(String name, ColumnType type, boolean nullable, boolean indexed, DefaultValue dflt,
            Origin origin) {
        return PlannedColumn.builder(name, type).indexed(indexed).nullable(nullable).defaultValue(dflt).origin(origin)
                .build();
    }
}
